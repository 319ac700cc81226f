import { createHash, randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import { fileMetaInput, type FileMetaInput, type FileRecord } from '../../shared/domain/file'
import type { Database } from '../vault/database'

/** 1 MiB: large enough for throughput, small enough that memory stays flat. */
export const chunkSize = 1024 * 1024

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Files live inside the encrypted database as numbered chunks, so a multi-GB
 * video never has to fit in memory and never touches disk in plaintext.
 */
export class FileStore {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /**
   * Streams `source` in. The record stays hidden (complete = 0) until every
   * chunk is written; an aborted or failed import deletes what it wrote, and
   * a crash mid-import is swept up at the next unlock. Each chunk commits on
   * its own, so other writes made meanwhile never share the import's fate.
   */
  async add(meta: FileMetaInput, source: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<FileRecord> {
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
    let seq = 0
    // One reusable chunk buffer: memory stays flat however large the file.
    const chunk = Buffer.alloc(chunkSize)
    let filled = 0
    const flush = () => {
      if (filled === 0) return
      insert.run([id, seq++, chunk.subarray(0, filled)])
      filled = 0
    }
    const append = (piece: Uint8Array) => {
      for (let at = 0; at < piece.length; ) {
        const taken = Math.min(chunkSize - filled, piece.length - at)
        chunk.set(piece.subarray(at, at + taken), filled)
        filled += taken
        at += taken
        if (filled === chunkSize) flush()
      }
    }
    try {
      for await (const piece of source) {
        if (signal?.aborted) throw new SestraError('ABORTED')
        hash.update(piece)
        size += piece.length
        append(piece)
        await yieldToEventLoop()
      }
      if (signal?.aborted) throw new SestraError('ABORTED')
      flush()
      const sha256 = hash.digest('hex')
      this.#db
        .prepare('UPDATE files SET size = ?, sha256 = ?, complete = 1 WHERE id = ?')
        .run([size, sha256, id])
      return this.get(id)
    } catch (error) {
      // If the database is gone (locked or wiped mid-import) there is nothing
      // to clean; anything left incomplete is swept at the next unlock.
      try {
        this.delete(id)
      } catch {}
      throw error
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

  list(): FileRecord[] {
    return this.#db.prepare('SELECT * FROM files WHERE complete = 1 ORDER BY created_at, name').all().map(fromRow)
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

  delete(id: string): void {
    // Chunks go with the row (ON DELETE CASCADE); secure_delete zeroes their pages.
    const result = this.#db.prepare('DELETE FROM files WHERE id = ?').run([id])
    if (result.changes === 0) throw new SestraError('NOT_FOUND')
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
