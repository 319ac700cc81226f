import { stat } from 'node:fs/promises'
import type { ImportResult } from '../../shared/evidence/ipcInputs'
import type { Store } from '../store/records'
import type { Progress } from '../vault/jobs'
import { intakeFile } from './intake'

/**
 * Imports the files chosen in one dialog as one job, progress in bytes over
 * all of them. All or nothing: a cancel or a failure removes the files this
 * job already brought in, and only when every file is in are they attached
 * to the incident, so its custody chain never names a file that went again.
 */
export async function importFiles(
  store: Store,
  paths: string[],
  options: { incidentId?: string; signal?: AbortSignal; progress?: Progress },
): Promise<ImportResult> {
  const { incidentId, signal, progress } = options
  const sizes = await Promise.all(paths.map(async (path) => (await stat(path)).size))
  const total = sizes.reduce((sum, size) => sum + size, 0)
  const fileIds: string[] = []
  let before = 0
  progress?.(0, total)
  try {
    for (const [index, path] of paths.entries()) {
      const record = await intakeFile(store, path, { signal, onProgress: (bytes) => progress?.(before + bytes, total) })
      fileIds.push(record.id)
      before += sizes[index] ?? 0
    }
    if (incidentId) store.transaction(() => fileIds.forEach((fileId) => store.incidents.attachFile(incidentId, fileId)))
    return { fileIds }
  } catch (error) {
    for (const fileId of fileIds) {
      try {
        store.files.delete(fileId)
      } catch {
        // Locked or wiped meanwhile: the database is gone with its rows.
      }
    }
    throw error
  }
}
