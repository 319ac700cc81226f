import { open } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../../main/vault/database'

/** Where a stored file's encrypted blob lies, read from its key row like an examiner with the key would. */
export function blobPathOf(dir: string, db: Database, fileId: string): string {
  const name = db.prepare('SELECT blob FROM file_blobs WHERE file_id = ?', { pluck: true }).get([fileId]) as string
  return join(dir, 'blobs', name)
}

/** Flips one bit of the file at `offset`, in place. */
export async function flipByte(path: string, offset: number): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    const byte = Buffer.alloc(1)
    await handle.read(byte, 0, 1, offset)
    byte[0]! ^= 0x01
    await handle.write(byte, 0, 1, offset)
  } finally {
    await handle.close()
  }
}
