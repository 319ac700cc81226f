import { randomUUID } from 'node:crypto'
import { SestraError, type ErrorCode } from '../../shared/errors'
import type { JobStatus } from '../../shared/jobs'

export type Progress = (done: number, total: number | null) => void

/** Finished jobs stay readable for a while so the UI can show how they ended. */
const keepFinished = 50

const codeOf = (error: unknown): ErrorCode =>
  error instanceof SestraError ? error.code : 'INTERNAL'

/**
 * Long jobs (import, export, verify) run with an abort signal registered
 * here, so a panic wipe stops them before it destroys the vault and nothing
 * is written afterwards. Background jobs also report progress, which the UI
 * polls through the same request/response contract in Electron and in the
 * test harness.
 */
export class Jobs {
  readonly #running = new Map<string, AbortController>()
  readonly #status = new Map<string, JobStatus>()

  /** Runs a job the caller waits for. */
  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.#run(randomUUID(), task)
  }

  async #run<T>(id: string, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    this.#running.set(id, controller)
    try {
      return await task(controller.signal)
    } finally {
      this.#running.delete(id)
    }
  }

  /** Starts a job in the background and returns its id at once. */
  start(kind: string, task: (signal: AbortSignal, progress: Progress) => Promise<unknown>): string {
    const id = randomUUID()
    const status: JobStatus = { id, kind, state: 'running', done: 0, total: null, error: null, result: null }
    this.#status.set(id, status)
    const progress: Progress = (done, total) => Object.assign(status, { done, total })
    void this.#run(id, (signal) => task(signal, progress)).then(
      (result) => Object.assign(status, { state: 'done', result: result ?? null }),
      (error: unknown) => {
        const code = codeOf(error)
        Object.assign(status, { state: code === 'ABORTED' ? 'cancelled' : 'failed', error: code })
      },
    )
    this.#forgetOldest()
    return id
  }

  status(id: string): JobStatus {
    const status = this.#status.get(id)
    if (!status) throw new SestraError('NOT_FOUND')
    return { ...status }
  }

  cancel(id: string): void {
    if (!this.#status.has(id)) throw new SestraError('NOT_FOUND')
    this.#running.get(id)?.abort(new SestraError('ABORTED'))
  }

  get count(): number {
    return this.#running.size
  }

  abortAll(): void {
    for (const controller of this.#running.values()) controller.abort(new SestraError('ABORTED'))
    this.#running.clear()
  }

  #forgetOldest(): void {
    const finished = [...this.#status.values()].filter((s) => s.state !== 'running')
    for (const old of finished.slice(0, Math.max(0, finished.length - keepFinished))) this.#status.delete(old.id)
  }
}
