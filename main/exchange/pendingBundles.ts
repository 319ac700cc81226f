import { randomBytes } from 'node:crypto'
import type { BundleSummary } from '../../shared/bundle'
import { SestraError } from '../../shared/errors'
import type { DecryptWith } from './ageFiles'

/** Long enough to read the summary and decide; short, because the entry holds a key. */
const lifetimeMs = 10 * 60_000

interface Pending {
  path: string
  key: DecryptWith
  summary: BundleSummary
  expires: number
}

/**
 * Bundles checked by inspectBundle and waiting for the person's choice
 * (merge or restore). The renderer holds only a random token; the path (from
 * the dialog) and the key stay here, and go on lock, on wipe and on use.
 */
export class PendingBundles {
  readonly #entries = new Map<string, Pending>()

  add(path: string, key: DecryptWith, summary: BundleSummary, now = Date.now()): string {
    this.#sweep(now)
    const token = randomBytes(16).toString('hex')
    this.#entries.set(token, { path, key, summary, expires: now + lifetimeMs })
    return token
  }

  /** Each token serves once: a second merge of the same file needs a new check. */
  take(token: string, now = Date.now()): Pending {
    this.#sweep(now)
    const entry = this.#entries.get(token)
    this.#entries.delete(token)
    if (!entry) throw new SestraError('NOT_FOUND', 'the checked bundle expired: open it again')
    return entry
  }

  clear(): void {
    this.#entries.clear()
  }

  #sweep(now: number): void {
    for (const [token, entry] of this.#entries) if (entry.expires <= now) this.#entries.delete(token)
  }
}
