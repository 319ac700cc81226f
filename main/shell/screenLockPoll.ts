/** What `powerMonitor.getSystemIdleState` answers. */
export type IdleState = 'active' | 'idle' | 'locked' | 'unknown'

export interface ScreenLockPollOptions {
  idleState(): IdleState
  onLocked(): void
  everyMs: number
  setInterval(callback: () => void, ms: number): unknown
}

/** A poll that throws must not take the main process down with it. */
function stateOrUnknown(idleState: () => IdleState): IdleState {
  try {
    return idleState()
  } catch {
    return 'unknown'
  }
}

/**
 * Calls `onLocked` once each time the session becomes locked: a poll that
 * keeps seeing `locked` does not lock again and again, and the next lock
 * after an unlock is noticed.
 */
export function pollScreenLock(options: ScreenLockPollOptions): void {
  let wasLocked = false
  options.setInterval(() => {
    const locked = stateOrUnknown(options.idleState) === 'locked'
    if (locked && !wasLocked) options.onLocked()
    wasLocked = locked
  }, options.everyMs)
}
