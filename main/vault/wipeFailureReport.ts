import { SestraError } from '../../shared/errors'

/**
 * The one line a wipe that could not destroy everything leaves (file names
 * and error codes, no content). The renderer that saw the wipe fail is
 * replaced at the wipe's lock, so main keeps the line for the next one, until
 * she acknowledges it or a later wipe succeeds.
 */
export class WipeFailureReport {
  #line: string | null = null

  line(): string | null {
    return this.#line
  }

  clear(): void {
    this.#line = null
  }

  /** Keeps the report if `error` is WIPE_INCOMPLETE, and says whether it was. */
  keepIfIncomplete(error: unknown): boolean {
    const incomplete = error instanceof SestraError && error.code === 'WIPE_INCOMPLETE'
    if (incomplete) this.#line = error.detail ?? ''
    return incomplete
  }
}
