/**
 * Locks after a stretch of inactivity. Measured by the wall clock, checked
 * on a short interval, so hours spent asleep count as idle: a laptop that
 * wakes up after the timeout locks at the first check, not minutes later.
 */
export interface AutoLockOptions {
  timeoutMs: () => number
  onIdle: () => void
  now?: () => number
  checkEveryMs?: number
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void }
  clearInterval?: (handle: unknown) => void
}

export class AutoLock {
  readonly #options: Required<Omit<AutoLockOptions, 'setInterval' | 'clearInterval'>>
  readonly #clear: (handle: unknown) => void
  readonly #handle: unknown
  #lastActivity: number

  constructor(options: AutoLockOptions) {
    this.#options = { now: Date.now, checkEveryMs: 5_000, ...options }
    this.#lastActivity = this.#options.now()
    const every = options.setInterval ?? setInterval
    this.#clear = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout))
    const handle = every(() => this.check(), this.#options.checkEveryMs)
    handle.unref?.()
    this.#handle = handle
  }

  /** User input or an IPC call: the person is still there. */
  touch(): void {
    this.#lastActivity = this.#options.now()
  }

  check(): void {
    if (this.#options.now() - this.#lastActivity >= this.#options.timeoutMs()) {
      this.#lastActivity = this.#options.now()
      this.#options.onIdle()
    }
  }

  stop(): void {
    this.#clear(this.#handle)
  }
}
