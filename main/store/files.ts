import { createHash, randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import { fileMetaInput, type FileMetaInput, type FileRecord } from '../../shared/domain/file'
import type { Database } from '../vault/database'
import { CustodyLog } from '../evidence/custodyLog'
import { sniffMime } from '../evidence/sniffMime'

import { ChunkWriter, chunkSize, yieldToEventLoop } from './chunkWriter'

export { chunkSize }

/**
 * Files live inside the encrypted database as numbered chunks, so a multi-GB
 * video never has to fit in memory and never touches disk in plaintext.
 */
export class FileStore {
  readonly #db: Database
  readonly #custody: CustodyLog

  constructor(db: Database, custody = new CustodyLog(db)) {
    this.#db = db
    this.#custody = custody
  }

  /**
   * Streams `source` in. The record stays hidden (complete = 0) until every
   * chunk is written; an aborted or failed import deletes what it wrote, and
   * a crash mid-import is swept up at the next unlock. Each chunk commits on
   * its own, so other writes made meanwhile never share the import's fate.
   * The MIME type is sniffed from the first chunk (a claimed `mime` is not
   * trusted); the record becomes visible together with its custody "intake"
   * entry, in one transaction.
   */
  async add(
    meta: FileMetaInput,
    source: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
    onProgress?: (bytes: number) => void,
  ): Promise<FileRecord> {
    const parsed = fileMetaInput.safeParse(meta)
    if (!parsed.success) throw new SestraError('INVALID_INPUT')
    const stamp = new Date().toISOString()
    const id = randomUUID()
    this.#db
      .prepare(
        `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
         VALUES ($id, $name, $mime, 0, '', $modifiedAt, 0, $stamp, $stamp)`,
      )
      .run({ id, ...parsed.data, stamp })
    const insert = this.#db.prepare('INSERT INTO file_chunks (file_id, seq, data) VALUES (?, ?, ?)')
    const hash = createHash('sha256')
    let size = 0
    let mime = sniffMime(new Uint8Array(0), true)
    const chunks = new ChunkWriter((seq, bytes, last) => {
      if (seq === 0) mime = sniffMime(bytes, last)
      insert.run([id, seq, bytes])
    })
    try {
      for await (const piece of source) {
        if (signal?.aborted) throw new SestraError('ABORTED')
        hash.update(piece)
        size += piece.length
        chunks.append(piece)
        onProgress?.(size)
        await yieldToEventLoop()
      }
      if (signal?.aborted) throw new SestraError('ABORTED')
      chunks.finish()
      const sha256 = hash.digest('hex')
      this.#db.transaction(() => {
        this.#db
          .prepare('UPDATE files SET size = ?, sha256 = ?, mime = ?, complete = 1 WHERE id = ?')
          .run([size, sha256, mime, id])
        const { name, modifiedAt } = parsed.data
        this.#custody.append('file', id, 'intake', { name, size, sha256, mime, modifiedAt }, new Date(stamp))
      })()
      return this.get(id)
    } catch (error) {
      // If the database is gone (locked or wiped mid-import) there is nothing
      // to clean; anything left incomplete is swept at the next unlock.
      try {
        this.delete(id)
      } catch {
        // Nothing to clean: the row goes with the next sweep.
      }
      throw error
    } finally {
      chunks.wipe()
    }
  }

  /** Removes what an interrupted import left; called at unlock. */
  sweepIncomplete(): void {
    this.#db.exec('DELETE FROM files WHERE complete = 0')
  }

  get(id: string): FileRecord {
    const row = this.#db.prepare('SELECT * FROM files WHERE id = ? AND complete = 1').get([id])
    if (!row) throw new SestraError('NOT_FOUND')
    return fromRow(row)
  }

  list(page: { limit?: number; offset?: number } = {}): FileRecord[] {
    return this.#db
      .prepare('SELECT * FROM files WHERE complete = 1 ORDER BY created_at, name LIMIT ? OFFSET ?')
      .all([page.limit ?? -1, page.offset ?? 0])
      .map(fromRow)
  }

  /** Yields the stored bytes chunk by chunk. */
  async *read(id: string): AsyncGenerator<Uint8Array> {
    this.get(id)
    const select = this.#db.prepare('SELECT data FROM file_chunks WHERE file_id = ? AND seq = ?', { pluck: true })
    for (let seq = 0; ; seq++) {
      const data = select.get([id, seq])
      if (data === undefined) return
      yield data as Uint8Array
      await yieldToEventLoop()
    }
  }

  /**
   * Bytes `start` to `endInclusive` (both within the file), for HTTP Range
   * and video seeking: only the chunks that hold the range are read.
   */
  async *readRange(id: string, start: number, endInclusive: number): AsyncGenerator<Uint8Array> {
    const { size } = this.get(id)
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(endInclusive) || start < 0 || start > endInclusive || endInclusive >= size) {
      throw new SestraError('INVALID_INPUT', 'range')
    }
    // The stride comes from the stored file, so files written with another chunk size still seek right.
    const stride = Number(
      this.#db.prepare('SELECT length(data) FROM file_chunks WHERE file_id = ? AND seq = 0', { pluck: true }).get([id]),
    )
    const select = this.#db.prepare('SELECT data FROM file_chunks WHERE file_id = ? AND seq = ?', { pluck: true })
    for (let seq = Math.floor(start / stride); seq * stride <= endInclusive; seq++) {
      const data = select.get([id, seq]) as Uint8Array | undefined
      if (data === undefined) throw new SestraError('CORRUPT_DATABASE', 'missing file chunk')
      const from = Math.max(start - seq * stride, 0)
      const to = Math.min(endInclusive - seq * stride + 1, data.length)
      yield data.subarray(from, to)
      await yieldToEventLoop()
    }
  }

  /** Re-reads every stored byte: what `verify` compares with the hash recorded at intake. */
  async digest(id: string, signal?: AbortSignal): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256')
    let size = 0
    for await (const data of this.read(id)) {
      if (signal?.aborted) throw new SestraError('ABORTED')
      hash.update(data)
      size += data.length
    }
    return { size, sha256: hash.digest('hex') }
  }

  /**
   * Removes the file; chunks, attachments and its own custody chain go with
   * the row (secure_delete zeroes their pages). Each incident it was attached
   * to keeps a "file_detached" entry naming what was deleted.
   */
  delete(id: string, now = new Date()): void {
    this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT name, sha256 FROM files WHERE id = ?').get([id]) as
        | { name: string; sha256: string }
        | undefined
      if (!row) throw new SestraError('NOT_FOUND')
      const incidents = this.#db
        .prepare('SELECT incident_id FROM incident_files WHERE file_id = ? ORDER BY incident_id', { pluck: true })
        .all([id]) as string[]
      for (const incidentId of incidents) {
        const detail = { fileId: id, name: row.name, sha256: row.sha256, reason: 'file deleted' }
        this.#custody.append('incident', incidentId, 'file_detached', detail, now)
      }
      this.#db.prepare('DELETE FROM files WHERE id = ?').run([id])
    })()
    // secure_delete has zeroed the pages; this hands them back to the file
    // system, so a deleted video does not leave the vault its size.
    this.#db.exec('PRAGMA incremental_vacuum')
  }

  count(): number {
    return Number(this.#db.prepare('SELECT count(*) FROM files WHERE complete = 1', { pluck: true }).get())
  }
}

function fromRow(row: Record<string, unknown>): FileRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    mime: String(row.mime),
    size: Number(row.size),
    sha256: String(row.sha256),
    modifiedAt: row.modified_at === null ? null : String(row.modified_at),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }
}
