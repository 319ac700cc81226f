import { open, type FileHandle } from 'node:fs/promises'
import { SestraError } from '../shared/errors'

/**
 * Plaintext leaving the vault (a report, a lawyer card, a copy of a stored
 * file) goes only to a new file, private to the user: it never replaces
 * something already there.
 */
export async function openNewFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new SestraError('FILE_EXISTS')
    throw error
  }
}

/** The whole of `bytes` into a new file, on disk (fsynced) before it returns. */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await openNewFile(path)
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
