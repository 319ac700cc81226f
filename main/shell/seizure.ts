import { app, clipboard, globalShortcut, type BrowserWindow, type Session } from 'electron'
import type { AppCore } from '../appCore'
import type { ClipboardPort } from '../clipboardGuard'
import { discardRenderer } from './locking'

export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
}

/**
 * The Electron half of the panic: a global shortcut that works while the
 * window is hidden, and what follows a wipe from any trigger (shortcut, hold
 * button, duress, too many wrong passphrases): the session's storage and
 * caches are cleared, then the app quits or shows a fresh install.
 */
export function installSeizureDefences(core: AppCore, session: Session, window: () => BrowserWindow | null): void {
  const panic = () => {
    core.vault.wipe().catch(() => {
      // Nothing to wipe (already gone): the after-wipe steps below still ran.
    })
  }

  let registered: string | null = null
  const registerShortcut = (accelerator: string) => {
    if (registered) globalShortcut.unregister(registered)
    registered = null
    try {
      if (globalShortcut.register(accelerator, panic)) registered = accelerator
    } catch {
      // An accelerator Electron cannot parse: the hold button still works.
    }
  }
  void core.settings.get().then((s) => registerShortcut(s.panicShortcut))
  core.settings.onChange((s) => {
    if (s.panicShortcut !== registered) registerShortcut(s.panicShortcut)
  })
  app.on('will-quit', () => globalShortcut.unregisterAll())

  core.vault.onWipe(() => {
    void (async () => {
      await session.clearStorageData().catch(() => {})
      await session.clearCache().catch(() => {})
      if ((await core.settings.get()).panicAction === 'quit') app.quit()
      else discardRenderer(window())
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
