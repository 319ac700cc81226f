import { powerMonitor } from 'electron'
import { pollScreenLock } from './screenLockPoll'

/** How often Linux is asked; a seizure at the lock screen takes longer than this. */
export const screenLockPollMs = 3_000

/**
 * `powerMonitor`'s `lock-screen` event exists on macOS and Windows only. On
 * Linux, Chromium can still tell a locked session through
 * `getSystemIdleState`, which Electron documents as answering `locked` "on
 * supported systems only": it is polled. The idle threshold does not matter,
 * only `locked` is acted on.
 */
export function watchScreenLock(lock: () => void, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'darwin' || platform === 'win32') {
    powerMonitor.on('lock-screen', lock)
    return
  }
  pollScreenLock({
    idleState: () => powerMonitor.getSystemIdleState(60),
    onLocked: lock,
    everyMs: screenLockPollMs,
    // Polling must not keep the app alive after its windows are gone.
    setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  })
}
