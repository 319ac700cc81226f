import { mkdir, open, readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { countRecords, createStore, type RecordCounts, type Store } from '../store/records'
import { writeFileAtomic } from './atomicWrite'
import { openDatabase, type Database } from './database'
import { toSestraError } from './ioErrors'
import { calibrateKdf, minimumKdf, type KdfParams } from './kdf'
import { decodeKeySlot, encodeKeySlot, headerVersion, openKeySlot, sealKeySlot, secretBuffer } from './keyslot'
import { latestSchemaVersion, runMigrations, schemaVersion } from './migrations'

/** A vault is a directory with exactly these two files. */
export const headerFile = 'sestra.keys'
export const databaseFile = 'sestra.db'
/** What SQLite may create beside the database; the wipe removes these too. */
export const databaseSideFiles = ['sestra.db-journal', 'sestra.db-wal', 'sestra.db-shm']

export const minimumPassphraseLength = 8

export interface VaultOptions {
  /** 'calibrate' (default) tunes Argon2id to this machine; 'minimum' uses the floor (tests, old hardware). */
  kdf?: 'calibrate' | 'minimum' | KdfParams
  /** Test hook: sees every key buffer so tests can check it is zeroed on lock. */
  onKeyMaterial?: (b: Buffer) => void
}

export interface HeaderInfo {
  formatVersion: number
  kdf: { algorithm: 'argon2id' } & KdfParams
}

async function readHeader(dir: string) {
  let bytes: Buffer
  try {
    bytes = await readFile(join(dir, headerFile))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new SestraError('NOT_A_VAULT')
    throw toSestraError(error)
  }
  return decodeKeySlot(bytes)
}

export async function vaultExists(dir: string): Promise<boolean> {
  try {
    await stat(join(dir, headerFile))
    return true
  } catch {
    return false
  }
}

export async function readHeaderInfo(dir: string): Promise<HeaderInfo> {
  const slot = await readHeader(dir)
  return { formatVersion: slot.version, kdf: { algorithm: 'argon2id', ...slot.kdf } }
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || [...passphrase].length < minimumPassphraseLength) {
    throw new SestraError('INVALID_INPUT', 'passphrase too short')
  }
}

async function chooseKdf(option: VaultOptions['kdf']): Promise<KdfParams> {
  if (option === 'minimum') return { ...minimumKdf }
  if (option && option !== 'calibrate') return option
  return calibrateKdf()
}

/**
 * Creates a vault in `dir` (absent or empty of vault files). The database is
 * written first and the header last: until the header exists there is no
 * vault, and a failure removes the half-made database.
 */
export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<void> {
  checkPassphrase(passphrase)
  if (await vaultExists(dir)) throw new SestraError('ALREADY_EXISTS')
  const entries = await readdir(dir).catch(() => [] as string[])
  if ([databaseFile, ...databaseSideFiles].some((f) => entries.includes(f))) {
    throw new SestraError('ALREADY_EXISTS')
  }
  const kdf = await chooseKdf(options.kdf)
  const dataKey = secretBuffer(32)
  let createdDatabase = false
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    // Created empty first so it is private (0600) whatever the umask.
    await (await open(join(dir, databaseFile), 'wx', 0o600)).close()
    createdDatabase = true
    const db = openDatabase(join(dir, databaseFile), dataKey)
    try {
      runMigrations(db)
    } finally {
      db.close()
    }
    const slot = await sealKeySlot(dataKey, passphrase, kdf)
    await writeFileAtomic(dir, headerFile, encodeKeySlot(slot))
  } catch (error) {
    if (createdDatabase) {
      await Promise.all([databaseFile, ...databaseSideFiles].map((f) => rm(join(dir, f), { force: true })))
    }
    throw toSestraError(error)
  } finally {
    dataKey.fill(0)
  }
}

/** An unlocked vault. Lock it to zero the key and close the database. */
export class OpenVault {
  readonly dir: string
  #db: Database | null
  #store: Store | null
  #keys: Buffer[]

  constructor(dir: string, db: Database, keys: Buffer[]) {
    this.dir = dir
    this.#db = db
    this.#store = createStore(db)
    this.#keys = keys
  }

  get store(): Store {
    if (!this.#store) throw new SestraError('LOCKED')
    return this.#store
  }

  get isLocked(): boolean {
    return this.#db === null
  }

  counts(): RecordCounts {
    return countRecords(this.store)
  }

  schemaVersion(): number {
    if (!this.#db) throw new SestraError('LOCKED')
    return schemaVersion(this.#db)
  }

  lock(): void {
    for (const key of this.#keys) key.fill(0)
    this.#keys = []
    this.#store = null
    const db = this.#db
    this.#db = null
    db?.close()
  }
}

export async function unlockVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  const slot = await readHeader(dir)
  const dataKey = await openKeySlot(slot, passphrase, options.onKeyMaterial)
  let db: Database | null = null
  try {
    // SQLite would happily turn a missing or emptied file into a new, empty
    // vault; that must read as damage, not as "all your records are gone".
    const size = await stat(join(dir, databaseFile)).then((s) => s.size, () => 0)
    if (size === 0) throw new SestraError('CORRUPT_DATABASE', 'database file missing or empty')
    db = openDatabase(join(dir, databaseFile), dataKey)
    runMigrations(db)
    createStore(db).files.sweepIncomplete()
    return new OpenVault(dir, db, [dataKey])
  } catch (error) {
    dataKey.fill(0)
    db?.close()
    throw toSestraError(error)
  }
}

/**
 * Re-wraps the data key under the new passphrase. The database is not
 * touched: only the 144-byte header is replaced, atomically.
 */
export async function changePassphrase(
  dir: string,
  current: string,
  next: string,
  options: VaultOptions = {},
): Promise<void> {
  checkPassphrase(next)
  const slot = await readHeader(dir)
  const dataKey = await openKeySlot(slot, current, options.onKeyMaterial)
  try {
    const kdf = options.kdf ? await chooseKdf(options.kdf) : slot.kdf
    const sealed = await sealKeySlot(dataKey, next, kdf)
    await writeFileAtomic(dir, headerFile, encodeKeySlot(sealed))
  } catch (error) {
    throw toSestraError(error)
  } finally {
    dataKey.fill(0)
  }
}

export { headerVersion, latestSchemaVersion }
