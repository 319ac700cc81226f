/**
 * Slows down guessing after wrong passphrases: each failure doubles the wait
 * before the next attempt (0.5 s, 1 s, 2 s, ... up to 30 s). Argon2id already
 * costs most of a second; this stops someone at the keyboard from cycling
 * through a list quickly. A success resets it.
 */
export class PassphraseThrottle {
  #failures = 0
  readonly #baseMs: number
  readonly #maxMs: number
  readonly #sleep: (ms: number) => Promise<void>

  constructor(options: { baseMs?: number; maxMs?: number; sleep?: (ms: number) => Promise<void> } = {}) {
    this.#baseMs = options.baseMs ?? 500
    this.#maxMs = options.maxMs ?? 30_000
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  get failures(): number {
    return this.#failures
  }

  delayMs(): number {
    return this.#failures === 0 ? 0 : Math.min(this.#baseMs * 2 ** (this.#failures - 1), this.#maxMs)
  }

  /** Runs one attempt after the current delay, counting a wrong passphrase as a failure. */
  async attempt<T>(fn: () => Promise<T>, isWrongPassphrase: (e: unknown) => boolean): Promise<T> {
    const delay = this.delayMs()
    if (delay > 0) await this.#sleep(delay)
    try {
      const result = await fn()
      this.#failures = 0
      return result
    } catch (error) {
      if (isWrongPassphrase(error)) this.#failures++
      throw error
    }
  }
}
