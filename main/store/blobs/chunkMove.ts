import { SestraError } from '../../../shared/errors'
import type { Database } from '../../vault/database'
import type { FileStore } from '../files'
import { z } from 'zod'
import { optionalRow, parseRows } from '../rows'
import type { BlobFolder } from './blobFolder'

const pendingFile = z.object({ id: z.string(), size: z.number() })
const chunkBytes = z.instanceof(Uint8Array)

export interface MoveProgress {
  files: number
  totalFiles: number
  bytes: number
  totalBytes: number
}

const hasChunkTable = (db: Database) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'file_chunks'", { pluck: true }).get() !== undefined

/**
 * Moves files stored in SQLCipher chunks (vaults before migration 006) into
 * blobs, one file at a time: the blob is made durable, then its key row is
 * committed and its chunks deleted in one transaction. Killed at any point,
 * a file is either still in chunks or already in a blob (a blob without a
 * row is swept at the next unlock, and the move picks up where it stopped).
 * When no file is left in chunks the table is dropped and its zeroed pages
 * handed back to the file system.
 */
export async function moveChunksToBlobs(
  db: Database,
  blobs: BlobFolder,
  files: FileStore,
  options: { onProgress?: (progress: MoveProgress) => void; signal?: AbortSignal } = {},
): Promise<void> {
  if (!hasChunkTable(db)) return
  const pending = parseRows(
    pendingFile,
    db.prepare('SELECT id, size FROM files WHERE complete = 1 AND id NOT IN (SELECT file_id FROM file_blobs) ORDER BY rowid').all(),
  )
  const progress: MoveProgress = { files: 0, totalFiles: pending.length, bytes: 0, totalBytes: pending.reduce((sum, f) => sum + f.size, 0) }
  if (pending.length > 0) options.onProgress?.({ ...progress })
  const select = db.prepare('SELECT data FROM file_chunks WHERE file_id = ? AND seq = ?', { pluck: true })
  const chunksOf = async function* (id: string) {
    for (let seq = 0; ; seq++) {
      const data = optionalRow(chunkBytes, select.get([id, seq]))
      if (data === undefined) return
      yield data
    }
  }
  for (const file of pending) {
    if (options.signal?.aborted) throw new SestraError('ABORTED')
    const blob = await blobs.write(chunksOf(file.id), { signal: options.signal })
    try {
      db.transaction(() => {
        files.keep(file.id, blob)
        db.prepare('DELETE FROM file_chunks WHERE file_id = ?').run([file.id])
      })()
    } catch (error) {
      await blobs.remove(blob.name).catch(() => {})
      throw error
    } finally {
      blob.key.fill(0)
    }
    progress.files++
    progress.bytes += file.size
    options.onProgress?.({ ...progress })
  }
  db.exec('DROP TABLE file_chunks')
  // secure_delete zeroed the pages; with incremental auto-vacuum (vaults made since it existed) they go back to the disk.
  db.exec('PRAGMA incremental_vacuum')
}
