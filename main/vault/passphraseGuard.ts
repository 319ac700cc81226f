import { join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { FailedUnlocks } from './failedUnlocks'
import { failuresFile } from './layout'
import { PassphraseThrottle } from './throttle'

/** "Wipe after N wrong passphrases": the limit comes from settings, null is off. */
export interface FailurePolicy {
  /** The counter; by default `sestra.failures` in the vault folder, shared by the app and the CLI. */
  failures?: FailedUnlocks
  limit(): Promise<number | null>
  /** What reaching the limit does; the caller still sees only "wrong passphrase". */
  onLimit?: () => Promise<unknown>
}

export interface GuardOptions {
  throttle?: PassphraseThrottle
  failurePolicy?: FailurePolicy
}

const isWrongPassphrase = (e: unknown) => e instanceof SestraError && e.code === 'WRONG_PASSPHRASE'

/**
 * The one failure policy for every check of a passphrase (unlock in the app
 * or the CLI, passphrase and duress changes): wait out the delay the recorded
 * failures set, check, then count a wrong passphrase (wiping at the limit) or
 * reset the count after a right one.
 */
export class PassphraseGuard {
  readonly #failures: FailedUnlocks
  readonly #throttle: PassphraseThrottle
  readonly #policy: FailurePolicy | undefined
  readonly #wipe: () => Promise<unknown>

  constructor(dir: string, options: GuardOptions, wipe: () => Promise<unknown>) {
    this.#failures = options.failurePolicy?.failures ?? new FailedUnlocks(join(dir, failuresFile))
    this.#throttle = options.throttle ?? new PassphraseThrottle()
    this.#policy = options.failurePolicy
    this.#wipe = options.failurePolicy?.onLimit ?? wipe
  }

  async attempt<T>(check: () => Promise<T>): Promise<T> {
    await this.#throttle.wait(await this.#failures.read())
    let result: T
    try {
      result = await check()
    } catch (error) {
      if (isWrongPassphrase(error)) await this.#countFailure()
      throw error
    }
    // The passphrase was right; a counter that cannot be reset keeps its delay.
    await this.#failures.reset().catch(() => {})
    return result
  }

  async #countFailure(): Promise<void> {
    const count = await this.#failures.increment(this.#throttle.now())
    const limit = (await this.#policy?.limit()) ?? null
    if (limit !== null && count >= limit) await this.#wipe()
  }
}
