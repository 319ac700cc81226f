import { randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import type { BlobFolder } from './blobs/blobFolder'
import type { FileStore } from './files'
import { columnInfo, parseRows, texts } from './rows'
import { isSqlValue, sqlValue } from './tableRows'

export interface StagedFile {
  /** The hidden row holding the blob until commit; equals the incoming id unless that id is taken. */
  stageId: string
  size: number
  sha256: string
}

/**
 * Moves whole files, with their ids, in and out of the vault for bundles.
 * Incoming bytes are staged as blobs under hidden rows (complete = 0, swept
 * at unlock) and become visible only in the caller's transaction, so a
 * bundle that fails a later check leaves nothing.
 */
export class FileTransfer {
  readonly #db: Database
  readonly #blobs: BlobFolder
  readonly #files: FileStore
  /** Blobs replaced by `commit`, unlinked once the transaction has committed. */
  #replaced: string[] = []

  constructor(db: Database, blobs: BlobFolder, files: FileStore) {
    this.#db = db
    this.#blobs = blobs
    this.#files = files
  }

  /** Runs `fn` in one transaction whose foreign keys are checked at commit, so rows may arrive in any order. */
  atomically<T>(fn: () => T): T {
    this.#replaced = []
    const result = this.#db.transaction(() => {
      this.#db.pragma('defer_foreign_keys = ON')
      return fn()
    })()
    this.#unlink(this.#replaced)
    return result
  }

  hasFile(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM files WHERE id = ? AND complete = 1', { pluck: true }).get([id]) !== undefined
  }

  async stage(id: string, source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const blob = await this.#blobs.write(source)
    try {
      const taken = this.#db.prepare('SELECT 1 FROM files WHERE id = ?', { pluck: true }).get([id]) !== undefined
      const stageId = taken ? randomUUID() : id
      const stamp = new Date().toISOString()
      this.#db.transaction(() => {
        this.#db
          .prepare(
            `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
             VALUES (?, 'staged', 'application/octet-stream', ?, ?, NULL, 0, ?, ?)`,
          )
          .run([stageId, blob.size, blob.sha256, stamp, stamp])
        this.#files.keep(stageId, blob)
      })()
      return { stageId, size: blob.size, sha256: blob.sha256 }
    } catch (error) {
      await this.#blobs.remove(blob.name).catch(() => {})
      throw error
    } finally {
      blob.key.fill(0)
    }
  }

  /**
   * Inside `atomically`: makes a staged file visible under its own id with
   * the bundle's row of metadata, replacing the stored bytes when the id was
   * taken. The row's hash and size were checked against the bytes already.
   */
  commit(staged: StagedFile, row: Record<string, unknown> & { id: string }): void {
    const known = parseRows(columnInfo, this.#db.pragma('table_info(files)')).map((c) => c.name)
    const names = Object.keys(row).filter((n) => n !== 'id' && n !== 'complete')
    const unknown = names.find((n) => !known.includes(n))
    if (unknown !== undefined) throw new SestraError('BUNDLE_NEWER_VERSION', `column files.${unknown.slice(0, 64)}`)
    if (names.some((n) => !isSqlValue(row[n]))) throw new SestraError('BUNDLE_INVALID', 'records/files.json')
    this.#db
      .prepare(`UPDATE files SET ${names.map((n) => `"${n}" = ?`).join(', ')}, complete = 1 WHERE id = ?`)
      .run([...names.map((n) => sqlValue(row[n])), row.id])
    if (staged.stageId === row.id) return
    this.#replaced.push(...this.#blobsOf([row.id]))
    this.#db.prepare('DELETE FROM file_blobs WHERE file_id = ?').run([row.id])
    this.#db.prepare('UPDATE file_blobs SET file_id = ? WHERE file_id = ?').run([row.id, staged.stageId])
    this.#db.prepare('DELETE FROM files WHERE id = ?').run([staged.stageId])
  }

  /**
   * Drops staged rows after a failed check (secure_delete zeroes their keys),
   * unlinks their blobs and gives the freed pages back (auto_vacuum is
   * incremental): a refused bundle must not leave the vault larger.
   */
  discard(stageIds: string[]): void {
    const blobs = this.#blobsOf(stageIds, 'AND f.complete = 0')
    const remove = this.#db.prepare('DELETE FROM files WHERE id = ? AND complete = 0')
    for (const id of stageIds) remove.run([id])
    this.#unlink(blobs)
    this.#db.exec('PRAGMA incremental_vacuum')
  }

  #blobsOf(fileIds: string[], condition = ''): string[] {
    const select = this.#db.prepare(`SELECT b.blob FROM file_blobs b JOIN files f ON f.id = b.file_id WHERE f.id = ? ${condition}`, { pluck: true })
    return fileIds.flatMap((id) => texts(select.all([id])))
  }

  /**
   * Without their key rows these blobs are noise; one that fails to go now is
   * swept at the next unlock. Synchronous, as the callers' transactions are:
   * when they return, the folder is as the database says.
   */
  #unlink(names: string[]): void {
    for (const name of names) {
      try {
        this.#blobs.removeNow(name)
      } catch {
        // Swept at the next unlock.
      }
    }
  }
}
