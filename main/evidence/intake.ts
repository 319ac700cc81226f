import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileRecord } from '../../shared/domain/file'
import { SestraError } from '../../shared/errors'
import { readAhead } from '../readAhead'
import { chunkSize, type PendingFile } from '../store/files'
import type { Store } from '../store/records'

export interface IntakeOptions {
  signal?: AbortSignal
  /** Attach to this incident once the bytes are in. */
  incidentId?: string
  onProgress?: (bytes: number, total: number) => void
}

/**
 * Brings a file from disk into the vault: original name, the file's own
 * modification time, and (in the store) SHA-256, size, sniffed type and the
 * intake entry of its custody chain. The original on disk is only read.
 */
export async function intakeFile(store: Store, path: string, options: IntakeOptions = {}): Promise<FileRecord> {
  // Fail before the copy, not after a 4 GB import.
  if (options.incidentId) store.incidents.get(options.incidentId)
  const [record] = await store.files.commit([await writeFromDisk(store, path, options)], ([added]) => {
    if (options.incidentId) store.incidents.attachFile(options.incidentId, added!.id)
  })
  return record!
}

/** Writes a file from disk as a blob that no row names yet (`store.files.commit` makes it a record). */
export async function writeFromDisk(store: Store, path: string, options: Omit<IntakeOptions, 'incidentId'> = {}): Promise<PendingFile> {
  // Checked before opening too: opening a named pipe would wait for a writer.
  if (!(await stat(path)).isFile()) throw new SestraError('INVALID_INPUT', 'not a regular file')
  const handle = await open(path, 'r')
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new SestraError('INVALID_INPUT', 'not a regular file')
    return await store.files.write(
      { name: basename(path), modifiedAt: info.mtime.toISOString() },
      readAhead(handle, 0, chunkSize, options.signal),
      options.signal,
      (bytes) => options.onProgress?.(bytes, info.size),
    )
  } catch (error) {
    if (options.signal?.aborted) throw new SestraError('ABORTED')
    throw error
  } finally {
    await handle.close()
  }
}
