import { lstat, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportResult } from '../../shared/evidence/ipcInputs'
import { SestraError } from '../../shared/errors'
import type { PendingFile } from '../store/files'
import type { Store } from '../store/records'
import type { Progress } from '../vault/jobs'
import { writeFromDisk } from './intake'

export interface ImportSource {
  path: string
  size: number
}

/**
 * The regular files named by `paths`: files as given, folders walked
 * recursively in name order. Inside a folder, symbolic links are not
 * followed (no loops, nothing from outside the folder chosen); a path that
 * is neither a file nor a folder is refused before anything is read.
 */
export async function expandPaths(paths: string[]): Promise<ImportSource[]> {
  const found: ImportSource[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile()) found.push({ path, size: (await lstat(path)).size })
    }
  }
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (info?.isDirectory()) await walk(path)
    else if (info?.isFile()) found.push({ path, size: info.size })
    else throw new SestraError('INVALID_INPUT', 'not a file or folder')
  }
  return found
}

/**
 * Imports files and folders as one job, progress in bytes over all of them.
 * All or nothing, even across a crash: every blob is written first, then all
 * the records (and their attachment to the incident) appear in one
 * transaction, so the custody chain never names a file that went again and
 * one fsync of the database serves the whole job. A cancel or a failure
 * removes the blobs already written.
 */
export async function importFiles(
  store: Store,
  paths: string[],
  options: { incidentId?: string; signal?: AbortSignal; progress?: Progress },
): Promise<ImportResult> {
  const { incidentId, signal, progress } = options
  // Fail before the copy, not after a 4 GB import.
  if (incidentId) store.incidents.get(incidentId)
  const sources = await expandPaths(paths)
  const total = sources.reduce((sum, source) => sum + source.size, 0)
  const pending: PendingFile[] = []
  let before = 0
  progress?.(0, total)
  try {
    for (const source of sources) {
      pending.push(await writeFromDisk(store, source.path, { signal, onProgress: (bytes) => progress?.(before + bytes, total) }))
      before += source.size
    }
  } catch (error) {
    await store.files.discard(pending)
    throw error
  }
  const records = await store.files.commit(pending, (added) => {
    if (incidentId) added.forEach(({ id }) => store.incidents.attachFile(incidentId, id))
  })
  return { fileIds: records.map((r) => r.id) }
}
