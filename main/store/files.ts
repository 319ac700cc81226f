import { randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import { fileMetaInput, type FileMetaInput, type FileRecord } from '../../shared/domain/file'
import { z } from 'zod'
import type { Database } from '../vault/database'
import { CustodyLog } from '../evidence/custodyLog'
import { sniffMime } from '../evidence/sniffMime'
import { BlobDamagedError, type BlobFolder, type BlobRef, type WrittenBlob } from './blobs/blobFolder'
import { optionalRow, optionalText, texts } from './rows'

const nameAndHash = z.object({ name: z.string(), sha256: z.string() })
const blobRefRow = z.object({ size: z.number(), blob: z.string(), key: z.instanceof(Uint8Array), padded_size: z.number() })

/** 1 MiB: the piece size files are read from disk in, and how much of the head the type is sniffed from. */
export const chunkSize = 1024 * 1024

/** A file whose blob is written but that no row names yet (`FileStore.write`, then `commit` or `discard`). */
export interface PendingFile {
  id: string
  name: string
  modifiedAt: string | null
  mime: string
  blob: WrittenBlob
  stamp: string
}

/**
 * Stored files: the record (name, type, size, SHA-256) in the database, the
 * bytes in an encrypted blob beside it whose key row (`file_blobs`) lives in
 * the database too. A record exists only once its blob is durable on disk.
 */
export class FileStore {
  readonly #db: Database
  readonly #blobs: BlobFolder
  readonly #custody: CustodyLog

  constructor(db: Database, blobs: BlobFolder, custody = new CustodyLog(db)) {
    this.#db = db
    this.#blobs = blobs
    this.#custody = custody
  }

  /**
   * Streams `source` into a new blob and records it, with its key row and
   * its custody "intake" entry, in one transaction once the blob is durable.
   * An aborted or failed import leaves nothing (a crash at worst a blob
   * without a row, swept at the next unlock).
   */
  async add(
    meta: FileMetaInput,
    source: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
    onProgress?: (bytes: number) => void,
  ): Promise<FileRecord> {
    const [record] = await this.commit([await this.write(meta, source, signal, onProgress)])
    return record!
  }

  /**
   * The first half of `add`, for many files at once: the blob is written
   * (the MIME type sniffed from its first bytes, a claimed `mime` is not
   * trusted), but no row names it until `commit`.
   */
  async write(
    meta: FileMetaInput,
    source: AsyncIterable<Uint8Array>,
    signal?: AbortSignal,
    onProgress?: (bytes: number) => void,
  ): Promise<PendingFile> {
    const parsed = fileMetaInput.safeParse(meta)
    if (!parsed.success) throw new SestraError('INVALID_INPUT')
    const head = new Head()
    try {
      const blob = await this.#blobs.write(source, {
        signal,
        durable: false,
        onPiece: (piece, total) => {
          head.take(piece)
          onProgress?.(total)
        },
      })
      const mime = sniffMime(head.bytes(), blob.size <= chunkSize)
      return { id: randomUUID(), name: parsed.data.name, modifiedAt: parsed.data.modifiedAt, mime, blob, stamp: new Date().toISOString() }
    } finally {
      head.wipe()
    }
  }

  /**
   * Makes written files visible: their blobs published (synced together,
   * renamed, one folder sync), then their rows, key rows and intake entries
   * (and whatever `alongside` adds) in one transaction, so one fsync of the
   * database serves many files. On
   * failure nothing is recorded and the blobs are removed. Keys are zeroed.
   */
  async commit(pending: PendingFile[], alongside?: (records: FileRecord[]) => void): Promise<FileRecord[]> {
    try {
      await this.#blobs.publish(pending.map(({ blob }) => blob.name))
      const insert = this.#db.prepare(
        `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
         VALUES ($id, $name, $mime, $size, $sha256, $modifiedAt, 1, $stamp, $stamp)`,
      )
      return this.#db.transaction(() => {
        const records = pending.map(({ id, name, mime, modifiedAt, stamp, blob }) => {
          const { size, sha256 } = blob
          insert.run({ id, name, mime, size, sha256, modifiedAt, stamp })
          this.keep(id, blob)
          this.#custody.append('file', id, 'intake', { name, size, sha256, mime, modifiedAt }, new Date(stamp))
          return this.get(id)
        })
        alongside?.(records)
        return records
      })()
    } catch (error) {
      await this.discard(pending)
      throw error
    } finally {
      for (const { blob } of pending) blob.key.fill(0)
    }
  }

  /** Drops written files that will not be committed. Locked or wiped meanwhile, the next unlock sweeps them. */
  async discard(pending: Pick<PendingFile, 'blob'>[]): Promise<void> {
    for (const { blob } of pending) {
      blob.key.fill(0)
      await this.#blobs.remove(blob.name).catch(() => {})
    }
  }

  /** Records the key row of a blob now durable on disk, inside the caller's transaction. */
  keep(fileId: string, blob: BlobRef): void {
    this.#db
      .prepare('INSERT INTO file_blobs (file_id, blob, key, padded_size) VALUES (?, ?, ?, ?)')
      .run([fileId, blob.name, blob.key, blob.paddedSize])
  }

  /**
   * At unlock: removes what an interrupted import left (hidden rows, then
   * temporary files and blobs no row names). Returns how many blobs went.
   */
  async sweep(): Promise<number> {
    this.#db.exec('DELETE FROM files WHERE complete = 0')
    const known = new Set(texts(this.#db.prepare('SELECT blob FROM file_blobs', { pluck: true }).all()))
    return this.#blobs.sweep((name) => known.has(name))
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

  /**
   * Yields the stored bytes in large pieces. With `lend`, a piece is valid
   * only until the next is asked for (see `BlobFolder.read`): for readers
   * that hash or copy each piece and keep none, such as an export.
   */
  async *read(id: string, lend = false): AsyncGenerator<Uint8Array> {
    yield* this.#pieces(this.#ref(id), undefined, undefined, lend)
  }

  /**
   * Bytes `start` to `endInclusive` (both within the file), for HTTP Range
   * and video seeking: only the 64 KiB chunks that hold the range are read.
   */
  async *readRange(id: string, start: number, endInclusive: number): AsyncGenerator<Uint8Array> {
    const ref = this.#ref(id)
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(endInclusive) || start < 0 || start > endInclusive || endInclusive >= ref.size) {
      ref.key.fill(0)
      throw new SestraError('INVALID_INPUT', 'range')
    }
    yield* this.#pieces(ref, start, endInclusive + 1)
  }

  /** Re-reads every stored byte: the size and SHA-256 of what is stored now. */
  async digest(id: string, signal?: AbortSignal): Promise<{ size: number; sha256: string }> {
    const ref = this.#ref(id)
    try {
      return { size: ref.size, sha256: await this.#blobs.digest(ref, signal) }
    } catch (error) {
      throw damaged(error)
    } finally {
      ref.key.fill(0)
    }
  }

  /**
   * What `verify` asks: null when the stored bytes are those recorded at
   * intake, or else what was found instead (a missing or damaged blob, or
   * other bytes), in words for the report.
   */
  async check(id: string, signal?: AbortSignal): Promise<string | null> {
    const file = this.get(id)
    const row = this.#db.prepare('SELECT 1 FROM file_blobs WHERE file_id = ?', { pluck: true }).get([id])
    if (row === undefined) return 'no encrypted blob recorded'
    try {
      const { size, sha256 } = await this.digest(id, signal)
      return size === file.size && sha256 === file.sha256 ? null : `${size} bytes, sha256 ${sha256}`
    } catch (error) {
      if (error instanceof SestraError && error.code === 'CORRUPT_DATABASE' && error.detail) return error.detail
      throw error
    }
  }

  /**
   * Removes the file; its key row, attachments and its own custody chain go
   * with the row (secure_delete zeroes them), then the blob is unlinked.
   * Without its key the blob was noise already: crypto-erase, no vacuum.
   * Each incident it was attached to keeps a "file_detached" entry.
   */
  async delete(id: string, now = new Date()): Promise<void> {
    const blob = this.#db.transaction(() => {
      const row = optionalRow(nameAndHash, this.#db.prepare('SELECT name, sha256 FROM files WHERE id = ?').get([id]))
      if (!row) throw new SestraError('NOT_FOUND')
      const incidents = texts(
        this.#db.prepare('SELECT incident_id FROM incident_files WHERE file_id = ? ORDER BY incident_id', { pluck: true }).all([id]),
      )
      for (const incidentId of incidents) {
        const detail = { fileId: id, name: row.name, sha256: row.sha256, reason: 'file deleted' }
        this.#custody.append('incident', incidentId, 'file_detached', detail, now)
      }
      const name = optionalText(this.#db.prepare('SELECT blob FROM file_blobs WHERE file_id = ?', { pluck: true }).get([id]))
      this.#db.prepare('DELETE FROM files WHERE id = ?').run([id])
      return name
    })()
    if (blob !== undefined) await this.#blobs.remove(blob)
  }

  count(): number {
    return Number(this.#db.prepare('SELECT count(*) FROM files WHERE complete = 1', { pluck: true }).get())
  }

  #ref(id: string): BlobRef {
    const row = optionalRow(
      blobRefRow,
      this.#db
        .prepare(
          `SELECT f.size, b.blob, b.key, b.padded_size FROM files f JOIN file_blobs b ON b.file_id = f.id
           WHERE f.id = ? AND f.complete = 1`,
        )
        .get([id]),
    )
    if (!row) {
      this.get(id)
      throw new SestraError('CORRUPT_DATABASE', 'no encrypted blob recorded')
    }
    return { name: row.blob, key: Buffer.from(row.key), size: row.size, paddedSize: row.padded_size }
  }

  /** Translates blob damage and zeroes the key copy however the reader ends. */
  async *#pieces(ref: BlobRef, start?: number, end?: number, lend = false): AsyncGenerator<Uint8Array> {
    try {
      yield* this.#blobs.read(ref, start, end, lend)
    } catch (error) {
      throw damaged(error)
    } finally {
      ref.key.fill(0)
    }
  }
}

const damaged = (error: unknown) => (error instanceof BlobDamagedError ? new SestraError('CORRUPT_DATABASE', error.message) : error)

/** A copy of the first `chunkSize` bytes, for sniffing the type; zeroed after. */
class Head {
  readonly #buffer = Buffer.alloc(chunkSize)
  #filled = 0

  take(piece: Uint8Array): void {
    const taken = Math.min(piece.length, chunkSize - this.#filled)
    if (taken <= 0) return
    this.#buffer.set(piece.subarray(0, taken), this.#filled)
    this.#filled += taken
  }

  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#filled)
  }

  wipe(): void {
    this.#buffer.fill(0)
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
