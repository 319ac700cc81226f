import { SestraError } from '../../shared/errors'

/**
 * Long jobs (import, export) run with an abort signal registered here, so a
 * panic wipe can stop them before it destroys the vault and nothing is
 * written afterwards.
 */
export class Jobs {
  readonly #running = new Set<AbortController>()

  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    this.#running.add(controller)
    try {
      return await task(controller.signal)
    } finally {
      this.#running.delete(controller)
    }
  }

  get count(): number {
    return this.#running.size
  }

  abortAll(): void {
    for (const controller of this.#running) controller.abort(new SestraError('ABORTED'))
    this.#running.clear()
  }
}
