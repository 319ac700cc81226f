import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { writeFileAtomic } from './atomicWrite'

/** Wrong passphrases in a row, and when the last one came (ms since the epoch). */
export interface FailureRecord {
  count: number
  lastFailureAt: number
}

/** What a counter that cannot be read or written counts as: the most there can be. */
export const maximumFailures = Number.MAX_SAFE_INTEGER

const unreadable: FailureRecord = { count: maximumFailures, lastFailureAt: Number.POSITIVE_INFINITY }

function parseRecord(text: string): FailureRecord | null {
  try {
    const value: unknown = JSON.parse(text)
    const { count, lastFailureAt } = (value ?? {}) as Partial<FailureRecord>
    const valid = Number.isSafeInteger(count) && count! >= 0 && Number.isFinite(lastFailureAt) && lastFailureAt! >= 0
    return valid ? { count: count!, lastFailureAt: lastFailureAt! } : null
  } catch {
    return null
  }
}

/**
 * Wrong passphrases in a row, kept on disk so that restarting the app (or
 * running the CLI again) resets neither the count toward "wipe after N" nor
 * the growing delay. Fails closed: a file that is garbage, a folder in its
 * place or unreadable counts as the maximum, and so does a counter that cannot
 * be written. It only slows a person at the keyboard: someone who copied the
 * disk guesses offline against Argon2id alone.
 */
export class FailedUnlocks {
  readonly #path: string
  // A count this process could not write still holds for as long as it runs.
  #floor: FailureRecord = { count: 0, lastFailureAt: 0 }

  constructor(path: string) {
    this.#path = path
  }

  async read(): Promise<FailureRecord> {
    let record: FailureRecord
    try {
      record = parseRecord(await readFile(this.#path, 'utf8')) ?? unreadable
    } catch (error) {
      record = (error as NodeJS.ErrnoException).code === 'ENOENT' ? { count: 0, lastFailureAt: 0 } : unreadable
    }
    return record.count >= this.#floor.count ? record : this.#floor
  }

  async count(): Promise<number> {
    return (await this.read()).count
  }

  async increment(now = Date.now()): Promise<number> {
    const next = { count: Math.min((await this.count()) + 1, maximumFailures), lastFailureAt: now }
    try {
      await this.#write(next)
    } catch {
      this.#floor = unreadable
      return maximumFailures
    }
    return next.count
  }

  /** After a correct passphrase. A counter that cannot be reset stays at the maximum. */
  async reset(): Promise<void> {
    if ((await this.count()) === 0) return
    this.#floor = { count: 0, lastFailureAt: 0 }
    await this.#write({ count: 0, lastFailureAt: 0 })
  }

  #write(record: FailureRecord): Promise<void> {
    return writeFileAtomic(dirname(this.#path), basename(this.#path), Buffer.from(JSON.stringify(record)))
  }
}
