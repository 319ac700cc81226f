import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { BlobFolder } from '../store/blobs/blobFolder'
import { moveChunksToBlobs, type MoveProgress } from '../store/blobs/chunkMove'
import { countRecords, createStore, type RecordCounts, type Store } from '../store/records'
import { writeFileAtomic } from './atomicWrite'
import { openDatabase, type Database } from './database'
import { toSestraError } from './ioErrors'
import { calibrateKdf, minimumKdf, type KdfParams } from './kdf'
import {
  decodeKeySlot,
  duressVerifierFor,
  encodeKeySlot,
  headerVersion,
  openDataKey,
  openKeySlot,
  sealKeySlot,
  secretBuffer,
  wrapDataKey,
  type KeySlot,
} from './keyslot'
import { blobsDirectory, databaseFile, databaseSideFiles, headerFile } from './layout'
import { latestSchemaVersion, runMigrations, schemaVersion } from './migrations'
import { writeFreshDatabase } from './freshDatabase'
import { PassphraseGuard, type GuardOptions } from './passphraseGuard'
import { wipeVault } from './wipe'

export { databaseFile, databaseSideFiles, headerFile }

export const minimumPassphraseLength = 8

export interface VaultOptions extends GuardOptions {
  /** 'calibrate' (default) tunes Argon2id to this machine; 'minimum' uses the floor (tests, old hardware). */
  kdf?: 'calibrate' | 'minimum' | KdfParams
  /** Test hook: sees every key buffer so tests can check it is zeroed on lock. */
  onKeyMaterial?: (b: Buffer) => void
  /** Unlocking a vault made before the blob store moves its files out of the database first; this sees how far it is. */
  onBlobMove?: (progress: MoveProgress) => void
}

const blobFolderOf = (dir: string) => new BlobFolder(join(dir, blobsDirectory))

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
    if (code === 'EISDIR') throw new SestraError('CORRUPT_HEADER', 'key file is a folder')
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

/** Creates a vault in `dir` (absent or empty of vault files). */
/** Refuses a weak passphrase or a folder that holds a vault already; the KDF parameters for a new one. */
async function newVaultKdf(dir: string, passphrase: string, options: VaultOptions): Promise<KdfParams> {
  checkPassphrase(passphrase)
  if (await vaultExists(dir)) throw new SestraError('ALREADY_EXISTS')
  const entries = await readdir(dir).catch(() => [] as string[])
  if ([databaseFile, ...databaseSideFiles].some((f) => entries.includes(f))) {
    throw new SestraError('ALREADY_EXISTS')
  }
  return chooseKdf(options.kdf)
}

export async function createVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<void> {
  const kdf = await newVaultKdf(dir, passphrase, options)
  await writeNewVault(dir, (dataKey) => sealKeySlot(dataKey, passphrase, kdf))
}

/**
 * `createVault`, and the new vault opened with the data key just made: one
 * Argon2id run where creating and then unlocking would take two (the first
 * run of the app, a restore's new vault).
 */
export async function createOpenVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  const kdf = await newVaultKdf(dir, passphrase, options)
  const dataKey = await writeNewVaultKeepingKey(dir, (key) => sealKeySlot(key, passphrase, kdf))
  return openWithKey(dir, dataKey, options.onBlobMove)
}

/**
 * The database first, the header (sealed by `seal`) last: until the header
 * exists there is no vault, and a failure removes the half-made database.
 */
async function writeNewVault(dir: string, seal: (dataKey: Buffer) => Promise<KeySlot> | KeySlot): Promise<void> {
  const dataKey = secretBuffer(32)
  let createdDatabase = false
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    const db = await writeFreshDatabase(join(dir, databaseFile), dataKey)
    createdDatabase = true
    try {
      const blobs = blobFolderOf(dir)
      await blobs.ensure()
      await createStore(db, blobs).identity.ensure()
    } finally {
      db.close()
    }
    await writeFileAtomic(dir, headerFile, encodeKeySlot(await seal(dataKey)))
  } catch (error) {
    if (createdDatabase) {
      await Promise.all([databaseFile, ...databaseSideFiles].map((f) => rm(join(dir, f), { force: true })))
    }
    throw toSestraError(error)
  } finally {
    dataKey.fill(0)
  }
}

/**
 * `writeNewVault`, keeping a copy of the data key it made in `dataKey`, for
 * the caller to open the new vault with (it is zeroed if writing fails).
 */
async function writeNewVaultKeepingKey(dir: string, seal: (dataKey: Buffer) => Promise<KeySlot> | KeySlot, dataKey = Buffer.alloc(32)): Promise<Buffer> {
  try {
    await writeNewVault(dir, (made) => {
      made.copy(dataKey)
      return seal(dataKey)
    })
    return dataKey
  } catch (error) {
    dataKey.fill(0)
    throw error
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
    this.#store = createStore(db, blobFolderOf(dir))
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

const guardFor = (dir: string, options: GuardOptions) => new PassphraseGuard(dir, options, () => wipeVault(dir))

/**
 * Opens the vault, through the one wrong-passphrase policy (passphraseGuard.ts).
 * The duress passphrase is handled here, for every caller alike: the vault is
 * wiped and a new, empty one is made with that passphrase and opened, exactly
 * as a first unlock of a new vault would look.
 */
export async function unlockVault(dir: string, passphrase: string, options: VaultOptions = {}): Promise<OpenVault> {
  const slot = await readHeader(dir)
  const opening = await guardFor(dir, options).attempt(() => openKeySlot(slot, passphrase, options.onKeyMaterial))
  if (opening.kind === 'duress') return replaceWithFreshVault(dir, slot, opening.kek, options)
  return openWithKey(dir, opening.dataKey, options.onBlobMove)
}

/**
 * The duress path. Its key-encryption key is already derived, with this
 * header's salt and parameters, so the fresh vault's header is sealed with it:
 * no second Argon2id run, and no third one to open it, so the whole path
 * takes about as long as a normal unlock (measured in the benchmark).
 */
async function replaceWithFreshVault(dir: string, slot: KeySlot, kek: Buffer, options: VaultOptions): Promise<OpenVault> {
  const dataKey = Buffer.alloc(32)
  options.onKeyMaterial?.(dataKey)
  try {
    await wipeVault(dir)
    await writeNewVaultKeepingKey(dir, (key) => wrapDataKey(key, kek, slot.kdf, { salt: slot.salt, duressVerifier: secretBuffer(32) }), dataKey)
  } finally {
    kek.fill(0)
  }
  return openWithKey(dir, dataKey)
}

/** Opens the database with the data key, which the returned vault owns (or which is zeroed on failure). */
async function openWithKey(dir: string, dataKey: Buffer, onBlobMove?: VaultOptions['onBlobMove']): Promise<OpenVault> {
  let db: Database | null = null
  try {
    // SQLite would happily turn a missing or emptied file into a new, empty
    // vault; that must read as damage, not as "all your records are gone".
    // A folder in its place is damage too.
    const size = await stat(join(dir, databaseFile)).then((s) => (s.isFile() ? s.size : 0), () => 0)
    if (size === 0) throw new SestraError('CORRUPT_DATABASE', 'database file missing, empty or not a file')
    db = openDatabase(join(dir, databaseFile), dataKey)
    runMigrations(db)
    const blobs = blobFolderOf(dir)
    await blobs.ensure()
    const store = createStore(db, blobs)
    // What a crash left (temporary and unclaimed blobs) goes before an interrupted move resumes.
    await store.files.sweep()
    await moveChunksToBlobs(db, blobs, store.files, { onProgress: onBlobMove })
    await store.identity.ensure()
    return new OpenVault(dir, db, [dataKey])
  } catch (error) {
    dataKey.fill(0)
    db?.close()
    throw toSestraError(error)
  }
}

/**
 * Re-wraps the data key under the new passphrase. The database is not
 * touched: only the header is replaced, atomically. Salt and Argon2id
 * parameters stay, so a duress passphrase set earlier keeps working.
 */
export async function changePassphrase(
  dir: string,
  current: string,
  next: string,
  options: Pick<VaultOptions, 'onKeyMaterial' | keyof GuardOptions> = {},
): Promise<void> {
  checkPassphrase(next)
  const slot = await readHeader(dir)
  const dataKey = await guardFor(dir, options).attempt(() => openDataKey(slot, current, options.onKeyMaterial))
  try {
    if ((await duressVerifierFor(slot, next)).equals(slot.duressVerifier)) {
      throw new SestraError('INVALID_INPUT', 'new passphrase equals the duress passphrase')
    }
    const sealed = await sealKeySlot(dataKey, next, slot.kdf, slot)
    await writeFileAtomic(dir, headerFile, encodeKeySlot(sealed))
  } catch (error) {
    throw toSestraError(error)
  } finally {
    dataKey.fill(0)
  }
}

/**
 * Sets (or, with null, clears) the duress passphrase. It must differ from
 * the real one; the header is rewritten atomically, the database untouched.
 */
export async function setDuressPassphrase(
  dir: string,
  current: string,
  duress: string | null,
  options: Pick<VaultOptions, 'onKeyMaterial' | keyof GuardOptions> = {},
): Promise<void> {
  if (duress !== null) checkPassphrase(duress)
  if (duress === current) throw new SestraError('INVALID_INPUT', 'duress passphrase equals the passphrase')
  const slot = await readHeader(dir)
  const dataKey = await guardFor(dir, options).attempt(() => openDataKey(slot, current, options.onKeyMaterial))
  try {
    const duressVerifier = duress === null ? secretBuffer(32) : await duressVerifierFor(slot, duress)
    await writeFileAtomic(dir, headerFile, encodeKeySlot({ ...slot, duressVerifier }))
  } catch (error) {
    throw toSestraError(error)
  } finally {
    dataKey.fill(0)
  }
}

export { headerVersion, latestSchemaVersion }
