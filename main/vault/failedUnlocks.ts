import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { writeFileAtomic } from './atomicWrite'

/**
 * Wrong passphrases in a row, kept on disk so that restarting the app does
 * not reset the count toward the "wipe after N" limit. It only slows a
 * person at the keyboard: someone who copied the disk guesses offline.
 */
export class FailedUnlocks {
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  async count(): Promise<number> {
    try {
      const value = Number(JSON.parse(await readFile(this.#path, 'utf8')).count)
      return Number.isSafeInteger(value) && value > 0 ? value : 0
    } catch {
      return 0
    }
  }

  async increment(): Promise<number> {
    const next = (await this.count()) + 1
    await this.#write(next)
    return next
  }

  async reset(): Promise<void> {
    if ((await this.count()) > 0) await this.#write(0)
  }

  #write(count: number): Promise<void> {
    return writeFileAtomic(dirname(this.#path), basename(this.#path), Buffer.from(JSON.stringify({ count })))
  }
}
