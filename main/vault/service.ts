import { SestraError } from '../../shared/errors'
import type { VaultState } from '../../shared/ipc-schema'
import type { MoveProgress } from '../store/blobs/chunkMove'
import type { Store } from '../store/records'
import { prepareFreshDatabases } from './freshDatabase'
import { Jobs } from './jobs'
import { Listeners } from './listeners'
import { SerialQueue } from './serialQueue'
import { wipeVault, type WipeTimings } from './wipe'
import {
  changePassphrase,
  createOpenVault,
  setDuressPassphrase,
  readHeaderInfo,
  unlockVault,
  vaultExists,
  type OpenVault,
  type VaultOptions,
} from './vault'
import { WipeFailureReport } from './wipeFailureReport'

export type ServiceOptions = VaultOptions

/**
 * The one vault a running app works with: its directory, whether it is
 * unlocked, and who hears of a lock, an unlock or a wipe. It coordinates what
 * lives beside it: the queue of create, unlock and passphrase changes
 * (serialQueue.ts), background jobs (jobs.ts), wrong passphrases
 * (passphraseGuard.ts: reaching "wipe after N" runs this service's wipe, so the
 * shell hears of it) and a failed wipe's report (wipeFailureReport.ts). Plain
 * Node, so the same object serves Electron's IPC and the test harness.
 */
export class VaultService {
  readonly dir: string
  readonly #options: VaultOptions
  readonly jobs = new Jobs()
  #open: OpenVault | null = null
  #moving: MoveProgress | null = null
  readonly #queue = new SerialQueue()
  readonly #lockListeners = new Listeners()
  readonly #wipeListeners = new Listeners()
  readonly #unlockListeners = new Listeners()
  readonly #wipeFailure = new WipeFailureReport()

  constructor(dir: string, options: ServiceOptions = {}) {
    this.dir = dir
    // Ready before anyone types a duress passphrase (freshDatabase.ts).
    prepareFreshDatabases().catch(() => {})
    const policy = options.failurePolicy
    this.#options = policy ? { ...options, failurePolicy: { ...policy, onLimit: () => this.wipe() } } : options
  }

  async state(): Promise<VaultState> {
    if (this.#open) return 'unlocked'
    return (await vaultExists(this.dir)) ? 'locked' : 'absent'
  }

  /** Creates the vault and leaves it unlocked, as a first-run user expects. */
  create(passphrase: string): Promise<void> {
    return this.#queue.run(async () => {
      this.#open = await createOpenVault(this.dir, passphrase, this.#options)
      this.#unlockListeners.emit()
    })
  }

  /**
   * Fills the absent vault's folder (a restore from a backup, given the
   * folder and the vault options) and leaves it unlocked, as create does.
   */
  restore<T>(passphrase: string, fill: (dir: string, options: VaultOptions) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      if (await vaultExists(this.dir)) throw new SestraError('ALREADY_EXISTS')
      const result = await fill(this.dir, this.#options)
      await this.#unlock(passphrase)
      return result
    })
  }

  unlock(passphrase: string): Promise<void> {
    return this.#queue.run(() => this.#unlock(passphrase))
  }

  async #unlock(passphrase: string): Promise<void> {
    if (this.#open) return
    const onBlobMove = (progress: MoveProgress) => {
      this.#moving = progress
      this.#options.onBlobMove?.(progress)
    }
    try {
      this.#open = await unlockVault(this.dir, passphrase, { ...this.#options, onBlobMove })
    } catch (error) {
      // The duress passphrase wipes before it opens a new vault.
      this.#wipeFailure.keepIfIncomplete(error)
      throw error
    } finally {
      this.#moving = null
    }
    this.#unlockListeners.emit()
  }

  /**
   * How far the running unlock has moved an old vault's files out of the
   * database (vaults before the blob store), so the lock screen can say why
   * it waits; null when no such move is running.
   */
  unlockProgress(): MoveProgress | null {
    return this.#moving
  }

  /** Reminders run here: documents entering a threshold are announced after each unlock. */
  onUnlock(listener: () => void): () => void {
    return this.#unlockListeners.add(listener)
  }

  lock(): void {
    const open = this.#open
    this.#open = null
    open?.lock()
    if (open) this.#lockListeners.emit()
  }

  /**
   * Not queued behind a running unlock: a panic must not wait. The header
   * goes first; keys are zeroed and the database closed before its files go.
   * A wipe that could not destroy everything throws WIPE_INCOMPLETE and does
   * not tell the shell, which would otherwise quit as if it had worked.
   */
  async wipe(): Promise<WipeTimings> {
    this.jobs.abortAll()
    let incomplete = false
    try {
      const timings = await wipeVault(this.dir, () => this.lock())
      this.#wipeFailure.clear()
      return timings
    } catch (error) {
      incomplete = this.#wipeFailure.keepIfIncomplete(error)
      throw error
    } finally {
      await this.#options.failurePolicy?.failures?.reset().catch(() => {})
      if (!incomplete) this.#wipeListeners.emit()
    }
  }

  /** The last wipe's report if it did not finish, until she acknowledges it or a later wipe succeeds. */
  wipeFailure(): string | null {
    return this.#wipeFailure.line()
  }

  acknowledgeWipeFailure(): void {
    this.#wipeFailure.clear()
  }

  /** The shell clears the clipboard, session storage and caches, then quits or restarts. */
  onWipe(listener: () => void): () => void {
    return this.#wipeListeners.add(listener)
  }

  onLock(listener: () => void): () => void {
    return this.#lockListeners.add(listener)
  }

  /** Needs the vault unlocked as well as the current passphrase: a locked vault is not a place to guess. */
  changePassphrase(current: string, next: string): Promise<void> {
    return this.#queue.run(async () => {
      if (!this.#open) throw new SestraError('LOCKED')
      await changePassphrase(this.dir, current, next, this.#options)
    })
  }

  /** Null clears it. Needs the real passphrase, so a borrowed unlocked laptop cannot set one. */
  setDuressPassphrase(current: string, duress: string | null): Promise<void> {
    return this.#queue.run(() => setDuressPassphrase(this.dir, current, duress, this.#options))
  }

  get store(): Store {
    if (!this.#open) throw new SestraError('LOCKED')
    return this.#open.store
  }

  async summary() {
    if (!this.#open) throw new SestraError('LOCKED')
    const header = await readHeaderInfo(this.dir)
    return { ...header, schemaVersion: this.#open.schemaVersion(), counts: this.#open.counts() }
  }
}
