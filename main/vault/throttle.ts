import type { FailureRecord } from './failedUnlocks'

/**
 * Slows down guessing after wrong passphrases: each failure doubles the wait
 * before the next attempt (0.5 s, 1 s, 2 s, ... up to 30 s), counted from the
 * last failure as recorded on disk, so quitting and restarting does not skip
 * it. Argon2id already costs most of a second; this stops someone at the
 * keyboard from cycling through a list quickly.
 */
export class PassphraseThrottle {
  readonly #baseMs: number
  readonly #maxMs: number
  readonly #sleep: (ms: number) => Promise<void>
  readonly now: () => number

  constructor(
    options: { baseMs?: number; maxMs?: number; sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
  ) {
    this.#baseMs = options.baseMs ?? 500
    this.#maxMs = options.maxMs ?? 30_000
    this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
    this.now = options.now ?? Date.now
  }

  delayMs(failures: number): number {
    return failures === 0 ? 0 : Math.min(this.#baseMs * 2 ** Math.min(failures - 1, 64), this.#maxMs)
  }

  /** Waits out what is left of the delay the last failure set; a clock set back waits it all. */
  async wait(record: FailureRecord): Promise<void> {
    const delay = this.delayMs(record.count)
    const elapsed = this.now() - record.lastFailureAt
    const left = elapsed < 0 ? delay : Math.max(0, delay - elapsed)
    if (left > 0) await this.#sleep(left)
  }
}
