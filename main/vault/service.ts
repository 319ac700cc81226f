import { SestraError } from '../../shared/errors'
import type { VaultState } from '../../shared/ipc-schema'
import type { Store } from '../store/records'
import { PassphraseThrottle } from './throttle'
import { wipeVault, type WipeTimings } from './wipe'
import {
  changePassphrase,
  createVault,
  readHeaderInfo,
  unlockVault,
  vaultExists,
  type OpenVault,
  type VaultOptions,
} from './vault'

const isWrongPassphrase = (e: unknown) => e instanceof SestraError && e.code === 'WRONG_PASSPHRASE'

/**
 * The one vault a running app works with: its directory, whether it is
 * unlocked, and the throttle on wrong passphrases. Plain Node, so the same
 * object serves Electron's IPC and the test harness.
 */
export class VaultService {
  readonly dir: string
  readonly #options: VaultOptions
  readonly #throttle: PassphraseThrottle
  #open: OpenVault | null = null
  // Create, unlock and passphrase changes run one at a time: two overlapping
  // unlocks would otherwise leave one open vault (and its key) unreferenced.
  #queue: Promise<unknown> = Promise.resolve()
  readonly #lockListeners = new Set<() => void>()

  constructor(dir: string, options: VaultOptions & { throttle?: PassphraseThrottle } = {}) {
    this.dir = dir
    this.#options = options
    this.#throttle = options.throttle ?? new PassphraseThrottle()
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

  unlock(passphrase: string): Promise<void> {
    return this.#serially(() => this.#unlock(passphrase))
  }

  async #unlock(passphrase: string): Promise<void> {
    if (this.#open) return
    this.#open = await this.#throttle.attempt(
      () => unlockVault(this.dir, passphrase, this.#options),
      isWrongPassphrase,
    )
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
    if (open) for (const listener of this.#lockListeners) listener()
  }

  /**
   * Not queued behind a running unlock: a panic must not wait. The header
   * goes first; keys are zeroed and the database closed before its files go.
   */
  wipe(): Promise<WipeTimings> {
    return wipeVault(this.dir, () => this.lock())
  }

  onLock(listener: () => void): () => void {
    this.#lockListeners.add(listener)
    return () => this.#lockListeners.delete(listener)
  }

  changePassphrase(current: string, next: string): Promise<void> {
    return this.#serially(() =>
      this.#throttle.attempt(
        () => changePassphrase(this.dir, current, next, { onKeyMaterial: this.#options.onKeyMaterial }),
        isWrongPassphrase,
      ),
    )
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
