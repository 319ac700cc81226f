import { randomFillSync } from 'node:crypto'
import { chmod, lstat, open, readdir, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { fsyncDirectory } from './atomicWrite'
import { blobsDirectory, databaseFile, databaseSideFiles, failuresFile, headerFile } from './layout'

export interface WipeTimings {
  /** From the call until the key header is overwritten, synced and unlinked: the vault is unrecoverable. */
  headerDestroyedMs: number
  /** Until the database and SQLite's side files are gone. */
  databaseRemovedMs: number
  /** Until the blob folder is gone. */
  blobsRemovedMs: number
  /** Until every file of the vault is gone. */
  filesRemovedMs: number
}

/** Leftovers of an interrupted atomic header write hold a wrapped key too. */
const isHeaderTemp = (name: string) => name.startsWith(`.${headerFile}.`) && name.endsWith('.tmp')

const codeOf = (error: unknown) => String((error as NodeJS.ErrnoException).code ?? error)
const isDenied = (error: unknown) => ['EACCES', 'EPERM'].includes(codeOf(error))

/** Adds the owner's write (and, for folders, search) permission; fails quietly where chmod does not bind. */
async function addOwnerWrite(path: string): Promise<void> {
  try {
    await chmod(path, (await stat(path)).mode | 0o300)
  } catch {
    // Not ours to change: the retry below reports the real failure.
  }
}

/** Runs `step`; refused for permissions, makes `path` writable if it can and tries once more. */
async function withWriteAccess(step: () => Promise<void>, path: string): Promise<void> {
  try {
    await step()
  } catch (error) {
    if (!isDenied(error)) throw error
    await addOwnerWrite(path)
    await step()
  }
}

async function overwrite(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    const size = Math.max((await handle.stat()).size, 1)
    // Overwrite and sync before unlinking: on a spinning disk this destroys
    // the bytes. An SSD may keep the old block in remapped flash; that copy is
    // as strong as the passphrase, which is why full-disk encryption is advised.
    await handle.write(randomFillSync(Buffer.alloc(size)), 0, size, 0)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** What happened to each vault file: the one line a failed wipe reports. */
class WipeReport {
  readonly #failed: string[] = []
  readonly #done: string[] = []

  destroyed(name: string, how: string): void {
    this.#done.push(`${name} ${how}`)
  }

  failed(name: string, what: string, error: unknown): void {
    this.#failed.push(`${name} NOT ${what} (${codeOf(error)})`)
  }

  get complete(): boolean {
    return this.#failed.length === 0
  }

  line(): string {
    return `WIPE INCOMPLETE: NOT destroyed: ${this.#failed.join(', ')}; destroyed: ${this.#done.join(', ') || 'nothing'}`
  }
}

async function destroyHeader(dir: string, name: string, report: WipeReport): Promise<void> {
  const path = join(dir, name)
  const info = await lstat(path).catch(() => null)
  if (!info) return
  if (!info.isFile()) return removeEntry(dir, name, report)
  let overwritten = true
  try {
    await withWriteAccess(() => overwrite(path), path)
  } catch (error) {
    overwritten = false
    report.failed(name, 'overwritten', error)
  }
  try {
    await withWriteAccess(() => unlink(path), dir)
    report.destroyed(name, overwritten ? 'overwritten and unlinked' : 'unlinked')
  } catch (error) {
    report.failed(name, 'unlinked', error)
    if (overwritten) report.destroyed(name, 'overwritten')
  }
}

async function removeEntry(dir: string, name: string, report: WipeReport): Promise<void> {
  const path = join(dir, name)
  try {
    await withWriteAccess(async () => {
      const info = await lstat(path).catch(() => null)
      if (!info) return
      if (!info.isDirectory()) return unlink(path)
      // A folder's own permissions decide whether its entries can go.
      await addOwnerWrite(path)
      await rm(path, { recursive: true, force: true })
    }, dir)
    report.destroyed(name, 'removed')
  } catch (error) {
    report.failed(name, 'removed', error)
  }
}

/**
 * Crypto-erase: the data key exists only inside the header, so once the
 * header is overwritten and gone the database and the blobs are noise.
 * `beforeFiles` runs between the two steps (the app zeroes keys and closes
 * the database there). Whatever permissions stop, the rest still goes, and
 * the failure is one loud line (WIPE_INCOMPLETE) naming what was and was not
 * destroyed: a wipe never fails silently and never looks like success.
 */
export async function wipeVault(dir: string, beforeFiles: () => void = () => {}): Promise<WipeTimings> {
  const start = performance.now()
  const since = () => performance.now() - start
  const entries = await readdir(dir).catch(() => [] as string[])
  const present = (names: string[]) => names.filter((name) => entries.includes(name))
  const report = new WipeReport()

  const headers = [...present([headerFile]), ...entries.filter(isHeaderTemp)]
  await Promise.all(headers.map((name) => destroyHeader(dir, name, report)))
  await fsyncDirectory(dir).catch(() => {})
  const headerDestroyedMs = since()

  beforeFiles()
  const databaseFiles = present([databaseFile, ...databaseSideFiles])
  await Promise.all(databaseFiles.map((name) => removeEntry(dir, name, report)))
  const databaseRemovedMs = since()
  const blobs = present([blobsDirectory])
  await Promise.all(blobs.map((name) => removeEntry(dir, name, report)))
  const blobsRemovedMs = since()
  if (headers.length + databaseFiles.length + blobs.length === 0) throw new SestraError('NOT_A_VAULT')
  await Promise.all(present([failuresFile]).map((name) => removeEntry(dir, name, report)))
  await fsyncDirectory(dir).catch(() => {})
  if (!report.complete) throw new SestraError('WIPE_INCOMPLETE', report.line())
  return { headerDestroyedMs, databaseRemovedMs, blobsRemovedMs, filesRemovedMs: since() }
}
