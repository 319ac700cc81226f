/**
 * Resolves on the event loop's next turn, after the I/O and timers waiting
 * now: long synchronous work cut into slices with this between them never
 * holds the window (or the IPC) for long.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Items handled between two turns: checks of a bundle's rows take up to about 0.2 ms each. */
const itemsPerTurn = 64

/** Calls `each` on every item in order, the event loop turning after every `itemsPerTurn`. */
export async function eachInTurns<T>(items: Iterable<T>, each: (item: T, index: number) => void): Promise<void> {
  let index = 0
  for (const item of items) {
    each(item, index)
    if (++index % itemsPerTurn === 0) await nextTurn()
  }
}
