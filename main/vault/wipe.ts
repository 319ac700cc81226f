import { randomFillSync } from 'node:crypto'
import { open, readdir, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { fsyncDirectory } from './atomicWrite'
import { databaseFile, databaseSideFiles, headerFile } from './layout'

export interface WipeTimings {
  /** From the call until the key header is overwritten, synced and unlinked: the vault is unrecoverable. */
  headerDestroyedMs: number
  /** Until every file of the vault is gone. */
  filesRemovedMs: number
}

/** Leftovers of an interrupted atomic header write hold a wrapped key too. */
const isHeaderTemp = (name: string) => name.startsWith(`.${headerFile}.`) && name.endsWith('.tmp')

async function destroyHeader(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r+')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  try {
    const { size } = await handle.stat()
    // Overwrite and sync before unlinking: on a spinning disk this destroys
    // the bytes. An SSD may keep the old block in remapped flash; that copy is
    // as strong as the passphrase, which is why full-disk encryption is advised.
    await handle.write(randomFillSync(Buffer.alloc(Math.max(size, 1))), 0, Math.max(size, 1), 0)
    await handle.sync()
  } finally {
    await handle.close()
  }
  await unlink(path)
  return true
}

/**
 * Crypto-erase: the data key exists only inside the header, so once the
 * header is overwritten and gone the database is noise. `beforeFiles` runs
 * between the two steps (the app zeroes keys and closes the database there).
 */
export async function wipeVault(dir: string, beforeFiles: () => void = () => {}): Promise<WipeTimings> {
  const start = performance.now()
  const entries = await readdir(dir).catch(() => [] as string[])
  const headers = [headerFile, ...entries.filter(isHeaderTemp)]
  const hadHeader = (await Promise.all(headers.map((h) => destroyHeader(join(dir, h))))).some(Boolean)
  await fsyncDirectory(dir).catch(() => {})
  const headerDestroyedMs = performance.now() - start

  beforeFiles()
  const dataFiles = [databaseFile, ...databaseSideFiles].filter((f) => entries.includes(f))
  await Promise.all(dataFiles.map((f) => rm(join(dir, f), { force: true })))
  await fsyncDirectory(dir).catch(() => {})
  if (!hadHeader && dataFiles.length === 0) throw new SestraError('NOT_A_VAULT')
  return { headerDestroyedMs, filesRemovedMs: performance.now() - start }
}
