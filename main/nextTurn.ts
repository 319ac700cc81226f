/**
 * Resolves on the event loop's next turn, after the I/O and timers waiting
 * now: long synchronous work cut into slices with this between them never
 * holds the window (or the IPC) for long.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
