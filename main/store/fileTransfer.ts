import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import type { BlobFolder, WrittenBlob } from './blobs/blobFolder'
import type { FileStore } from './files'
import { columnInfo, parseRows } from './rows'
import { isSqlValue, sqlValue } from './tableRows'

export interface StagedFile {
  size: number
  sha256: string
}

/**
 * Moves whole files, with their ids, in and out of the vault for bundles.
 * Incoming bytes are staged as blobs that no row names while the stream is
 * read and checked; their keys stay in memory. They become files only in the
 * caller's transaction, after they are published together (as
 * `FileStore.commit` does for local files), so a bundle that fails a later
 * check leaves nothing, and a crash at worst blobs without rows, swept at
 * the next unlock.
 */
export class FileTransfer {
  readonly #db: Database
  readonly #blobs: BlobFolder
  readonly #files: FileStore
  /** Each staged file's blob, with the key no row holds yet, until `commit` or `discard`. */
  readonly #staged = new WeakMap<StagedFile, WrittenBlob>()
  #columns: string[] | undefined

  constructor(db: Database, blobs: BlobFolder, files: FileStore) {
    this.#db = db
    this.#blobs = blobs
    this.#files = files
  }

  /**
   * Runs `fn` in one transaction whose foreign keys are checked at commit, so
   * rows may arrive in any order. The staged blobs are published first: once
   * the transaction names them, they must survive a crash.
   */
  async atomically<T>(staged: StagedFile[], fn: () => T): Promise<T> {
    await this.#blobs.publish(staged.map((file) => this.#held(file).name))
    return this.#db.transaction(() => {
      this.#db.pragma('defer_foreign_keys = ON')
      return fn()
    })()
  }

  hasFile(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM files WHERE id = ? AND complete = 1', { pluck: true }).get([id]) !== undefined
  }

  async stage(source: AsyncIterable<Uint8Array>): Promise<StagedFile> {
    const blob = await this.#blobs.write(source, { durable: false })
    const staged = { size: blob.size, sha256: blob.sha256 }
    this.#staged.set(staged, blob)
    return staged
  }

  /**
   * Inside `atomically`: makes a staged file a stored file under the
   * bundle's id and row of metadata, with its key row; the key copy is then
   * zeroed. The row's hash and size were checked against the bytes already.
   */
  commit(staged: StagedFile, row: Record<string, unknown> & { id: string }): void {
    const blob = this.#held(staged)
    const known = this.#fileColumns()
    const names = Object.keys(row).filter((n) => n !== 'id' && n !== 'complete')
    const unknown = names.find((n) => !known.includes(n))
    if (unknown !== undefined) throw new SestraError('BUNDLE_NEWER_VERSION', `column files.${unknown.slice(0, 64)}`)
    if (names.some((n) => !isSqlValue(row[n]))) throw new SestraError('BUNDLE_INVALID', 'records/files.json')
    const columns = ['id', ...names, 'complete'].map((n) => `"${n}"`).join(', ')
    this.#db
      .prepare(`INSERT INTO files (${columns}) VALUES (${['?', ...names.map(() => '?'), '1'].join(', ')})`)
      .run([row.id, ...names.map((n) => sqlValue(row[n]))])
    this.#files.keep(row.id, blob)
    blob.key.fill(0)
  }

  /**
   * After a failed check or transaction: zeroes the staged keys and unlinks
   * the blobs (without their keys they were noise already). The database
   * never held them, so it is as it was.
   */
  async discard(staged: StagedFile[]): Promise<void> {
    const blobs = staged.map((file) => ({ blob: this.#held(file) }))
    for (const file of staged) this.#staged.delete(file)
    await this.#files.discard(blobs)
  }

  /** The columns of `files`, read once: the schema does not change while a vault is open. */
  #fileColumns(): string[] {
    this.#columns ??= parseRows(columnInfo, this.#db.pragma('table_info(files)')).map((c) => c.name)
    return this.#columns
  }

  #held(staged: StagedFile): WrittenBlob {
    const held = this.#staged.get(staged)
    if (!held) throw new SestraError('INTERNAL', 'file not staged here')
    return held
  }
}
