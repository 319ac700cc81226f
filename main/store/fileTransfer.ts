import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import type { BlobFolder, WrittenBlob } from './blobs/blobFolder'
import type { FileStore } from './files'
import { nextTurn } from '../nextTurn'
import { columnInfo, parseRows } from './rows'
import { isSqlValue, sqlValue } from './tableRows'

/** Steps of `inTurns` per transaction: a few milliseconds of rows each. */
const stepsPerTurn = 32

/** What SQLite throws for a broken reference, for a check made after the rows went in. */
export class ForeignKeyViolation extends Error {
  readonly code = 'SQLITE_CONSTRAINT_FOREIGNKEY'
}

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

  /**
   * `atomically` for a vault that nothing else has open and that is removed
   * whole if anything fails (a restore builds its new vault so): the steps
   * run as many short transactions with the event loop turning between them,
   * so a commit of thousands of rows never holds the window. Rows may refer
   * to rows of a later transaction, so foreign keys are off meanwhile and
   * checked once at the end; a violation is thrown as SQLite would.
   */
  async inTurns(staged: StagedFile[], steps: Iterable<() => void>): Promise<void> {
    await this.#blobs.publish(staged.map((file) => this.#held(file).name))
    const run = (batch: (() => void)[]) =>
      this.#db.transaction(() => {
        for (const step of batch) step()
      })()
    this.#db.pragma('foreign_keys = OFF')
    try {
      let batch: (() => void)[] = []
      for (const step of steps) {
        batch.push(step)
        if (batch.length < stepsPerTurn) continue
        run(batch)
        batch = []
        await nextTurn()
      }
      run(batch)
    } finally {
      this.#db.pragma('foreign_keys = ON')
    }
    if (this.#db.pragma('foreign_key_check').length > 0) throw new ForeignKeyViolation()
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
