import { SestraError } from '../../shared/errors'
import type { VaultState } from '../../shared/ipc-schema'
import type { Store } from '../store/records'
import type { FailedUnlocks } from './failedUnlocks'
import { Jobs } from './jobs'
import { PassphraseThrottle } from './throttle'
import { wipeVault, type WipeTimings } from './wipe'
import {
  changePassphrase,
  createVault,
  setDuressPassphrase,
  readHeaderInfo,
  unlockVault,
  vaultExists,
  type OpenVault,
  type VaultOptions,
} from './vault'

/** Subscribers to one event; `add` returns the unsubscribe. */
class Listeners {
  readonly #set = new Set<() => void>()

  add(listener: () => void): () => void {
    this.#set.add(listener)
    return () => this.#set.delete(listener)
  }

  emit(): void {
    for (const listener of this.#set) listener()
  }
}

const isWrongPassphrase = (e: unknown) => e instanceof SestraError && e.code === 'WRONG_PASSPHRASE'

/** "Wipe after N wrong passphrases": the limit comes from settings, null is off. */
export interface FailurePolicy {
  failures: FailedUnlocks
  limit(): Promise<number | null>
}

export interface ServiceOptions extends VaultOptions {
  throttle?: PassphraseThrottle
  failurePolicy?: FailurePolicy
}

/**
 * The one vault a running app works with: its directory, whether it is
 * unlocked, and the throttle on wrong passphrases. Plain Node, so the same
 * object serves Electron's IPC and the test harness.
 */
export class VaultService {
  readonly dir: string
  readonly #options: VaultOptions
  readonly #throttle: PassphraseThrottle
  readonly #failurePolicy: FailurePolicy | undefined
  readonly jobs = new Jobs()
  #open: OpenVault | null = null
  // Create, unlock and passphrase changes run one at a time: two overlapping
  // unlocks would otherwise leave one open vault (and its key) unreferenced.
  #queue: Promise<unknown> = Promise.resolve()
  readonly #lockListeners = new Listeners()
  readonly #wipeListeners = new Listeners()
  readonly #unlockListeners = new Listeners()

  constructor(dir: string, options: ServiceOptions = {}) {
    this.dir = dir
    this.#options = options
    this.#throttle = options.throttle ?? new PassphraseThrottle()
    this.#failurePolicy = options.failurePolicy
  }

  async state(): Promise<VaultState> {
    if (this.#open) return 'unlocked'
    return (await vaultExists(this.dir)) ? 'locked' : 'absent'
  }

  /** Creates the vault and leaves it unlocked, as a first-run user expects. */
  create(passphrase: string): Promise<void> {
    return this.#serially(async () => {
      await createVault(this.dir, passphrase, this.#options)
      await this.#unlock(passphrase)
    })
  }

  /**
   * Fills the absent vault's folder (a restore from a backup, given the
   * folder and the vault options) and leaves it unlocked, as create does.
   */
  restore<T>(passphrase: string, fill: (dir: string, options: VaultOptions) => Promise<T>): Promise<T> {
    return this.#serially(async () => {
      if (await vaultExists(this.dir)) throw new SestraError('ALREADY_EXISTS')
      const result = await fill(this.dir, this.#options)
      await this.#unlock(passphrase)
      return result
    })
  }

  unlock(passphrase: string): Promise<void> {
    return this.#serially(() => this.#unlock(passphrase))
  }

  async #unlock(passphrase: string): Promise<void> {
    if (this.#open) return
    try {
      this.#open = await this.#throttle.attempt(
        () => unlockVault(this.dir, passphrase, this.#options),
        isWrongPassphrase,
      )
    } catch (error) {
      if (isWrongPassphrase(error)) await this.#countFailure()
      throw error
    }
    await this.#failurePolicy?.failures.reset()
    this.#unlockListeners.emit()
  }

  /** Reminders run here: documents entering a threshold are announced after each unlock. */
  onUnlock(listener: () => void): () => void {
    return this.#unlockListeners.add(listener)
  }

  /** The caller still sees "wrong passphrase"; the next screen is a new install. */
  async #countFailure(): Promise<void> {
    if (!this.#failurePolicy) return
    const count = await this.#failurePolicy.failures.increment()
    const limit = await this.#failurePolicy.limit()
    if (limit !== null && count >= limit) await this.wipe()
  }

  #serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => {})
    return run
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
      return await wipeVault(this.dir, () => this.lock())
    } catch (error) {
      incomplete = error instanceof SestraError && error.code === 'WIPE_INCOMPLETE'
      throw error
    } finally {
      await this.#failurePolicy?.failures.reset().catch(() => {})
      if (!incomplete) this.#wipeListeners.emit()
    }
  }

  /** The shell clears the clipboard, session storage and caches, then quits or restarts. */
  onWipe(listener: () => void): () => void {
    return this.#wipeListeners.add(listener)
  }

  onLock(listener: () => void): () => void {
    return this.#lockListeners.add(listener)
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.#checkingPassphrase(() =>
      changePassphrase(this.dir, current, next, { onKeyMaterial: this.#options.onKeyMaterial }),
    )
  }

  /** Null clears it. Needs the real passphrase, so a borrowed unlocked laptop cannot set one. */
  setDuressPassphrase(current: string, duress: string | null): Promise<void> {
    return this.#checkingPassphrase(() =>
      setDuressPassphrase(this.dir, current, duress, { onKeyMaterial: this.#options.onKeyMaterial }),
    )
  }

  /** Header changes that prove the passphrase: queued, and throttled like unlock. */
  #checkingPassphrase(task: () => Promise<void>): Promise<void> {
    return this.#serially(() => this.#throttle.attempt(task, isWrongPassphrase))
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
