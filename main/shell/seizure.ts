import { app, clipboard, globalShortcut, type BrowserWindow, type Session } from 'electron'
import type { AppCore } from '../appCore'
import type { ClipboardPort } from '../clipboardGuard'
import type { PanicShortcut } from './panicShortcut'

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
}

/**
 * The Electron half of the panic: the global shortcut, which works while the
 * window is hidden, and what follows a wipe from any trigger (shortcut, hold
 * button, duress, too many wrong passphrases): the session's storage and
 * caches are cleared, then the app quits or shows a fresh install in a new
 * window. This is the only renewal a wipe causes (`renewOnLock` leaves the
 * wipe's own lock alone).
 */
export function installSeizureDefences(core: AppCore, session: Session, shortcut: PanicShortcut, renew: () => void): void {
  const panic = () => {
    core.vault.wipe().catch(() => {
      // Nothing to wipe (already gone): the after-wipe steps below still ran.
    })
  }
  void core.settings.get().then((s) => shortcut.use(s.panicShortcut, panic))
  core.settings.onChange((s) => {
    if (s.panicShortcut !== shortcut.status().accelerator) shortcut.use(s.panicShortcut, panic)
  })
  app.on('will-quit', () => globalShortcut.unregisterAll())

  core.vault.onWipe(() => {
    void (async () => {
      await session.clearStorageData().catch(() => {})
      await session.clearCache().catch(() => {})
      if ((await core.settings.get()).panicAction === 'quit') app.quit()
      else renew()
    })()
  })
}

/** "Lock when minimised" is optional: some people keep the app minimised all day on purpose. */
export function lockOnMinimise(core: AppCore, window: BrowserWindow): void {
  window.on('minimize', () => {
    void core.settings.get().then((s) => {
      if (s.lockOnMinimise) core.vault.lock()
    })
  })
}
