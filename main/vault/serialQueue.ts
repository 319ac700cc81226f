/**
 * Runs tasks one at a time, in the order they came; a task that fails does
 * not stop the ones behind it. Create, unlock and passphrase changes go
 * through one queue: two overlapping unlocks would otherwise leave one open
 * vault (and its key) unreferenced.
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task, task)
    this.#tail = run.catch(() => {})
    return run
  }
}
