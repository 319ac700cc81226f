import { createHash, randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import { ChunkWriter, yieldToEventLoop } from './chunkWriter'
import { isSqlValue } from './tableRows'

export interface StagedFile {
  /** The row holding the chunks until commit; equals the incoming id unless that id is taken. */
  stageId: string
  size: number
  sha256: string
}

/**
 * Moves whole files, with their ids, in and out of the vault for bundles.
 * Incoming bytes are staged as hidden rows (complete = 0, the same state an
 * interrupted intake leaves, swept at unlock) and become visible only in the
 * caller's transaction, so a bundle that fails a later check leaves nothing.
 */
export class FileTransfer {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /** Runs `fn` in one transaction whose foreign keys are checked at commit, so rows may arrive in any order. */
  atomically<T>(fn: () => T): T {
    return this.#db.transaction(() => {
      this.#db.pragma('defer_foreign_keys = ON')
      return fn()
    })()
  }

  hasFile(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM files WHERE id = ? AND complete = 1', { pluck: true }).get([id]) !== undefined
  }

  async stage(id: string, source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const taken = this.#db.prepare('SELECT 1 FROM files WHERE id = ?', { pluck: true }).get([id]) !== undefined
    const stageId = taken ? randomUUID() : id
    const stamp = new Date().toISOString()
    this.#db
      .prepare(
        `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
         VALUES (?, 'staged', 'application/octet-stream', 0, '', NULL, 0, ?, ?)`,
      )
      .run([stageId, stamp, stamp])
    const insert = this.#db.prepare('INSERT INTO file_chunks (file_id, seq, data) VALUES (?, ?, ?)')
    const hash = createHash('sha256')
    const chunks = new ChunkWriter((seq, bytes) => insert.run([stageId, seq, bytes]))
    let size = 0
    try {
      for await (const piece of source) {
        hash.update(piece)
        size += piece.length
        if (chunks.append(piece) > 0) await yieldToEventLoop()
      }
      chunks.finish()
      return { stageId, size, sha256: hash.digest('hex') }
    } catch (error) {
      this.discard([stageId])
      throw error
    } finally {
      chunks.wipe()
    }
  }

  /**
   * Inside `atomically`: makes a staged file visible under its own id with
   * the bundle's row of metadata, replacing the stored bytes when the id was
   * taken. The row's hash and size were checked against the bytes already.
   */
  commit(staged: StagedFile, row: Record<string, unknown> & { id: string }): void {
    const known = (this.#db.pragma('table_info(files)') as { name: string }[]).map((c) => c.name)
    const names = Object.keys(row).filter((n) => n !== 'id' && n !== 'complete')
    const unknown = names.find((n) => !known.includes(n))
    if (unknown !== undefined) throw new SestraError('BUNDLE_NEWER_VERSION', `column files.${unknown.slice(0, 64)}`)
    if (names.some((n) => !isSqlValue(row[n]))) throw new SestraError('BUNDLE_INVALID', 'records/files.json')
    this.#db
      .prepare(`UPDATE files SET ${names.map((n) => `"${n}" = ?`).join(', ')}, complete = 1 WHERE id = ?`)
      .run([...names.map((n) => row[n] as string | number | null), row.id])
    if (staged.stageId === row.id) return
    this.#db.prepare('DELETE FROM file_chunks WHERE file_id = ?').run([row.id])
    this.#db.prepare('UPDATE file_chunks SET file_id = ? WHERE file_id = ?').run([row.id, staged.stageId])
    this.#db.prepare('DELETE FROM files WHERE id = ?').run([staged.stageId])
  }

  /** Drops staged rows after a failed check; their pages are zeroed by secure_delete. */
  discard(stageIds: string[]): void {
    const remove = this.#db.prepare('DELETE FROM files WHERE id = ? AND complete = 0')
    for (const id of stageIds) remove.run([id])
  }
}
