import { open, type FileHandle } from 'node:fs/promises'
import { SestraError } from '../../shared/errors'

/** A new file only, private to the user: a plaintext export never replaces something already there. */
export async function openNewFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SestraError('FILE_EXISTS')
    throw error
  }
}
