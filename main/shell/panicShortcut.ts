import { app, globalShortcut } from 'electron'
import type { PanicShortcutStatus } from '../../shared/ipc-schema'
import type { AppCore } from '../appCore'

/**
 * Electron 38 and later run natively on Wayland, where an app may not grab
 * keys itself: global shortcuts go through the desktop's GlobalShortcuts
 * portal, which Chromium uses only with this feature on (Electron's
 * globalShortcut page). The portal also identifies the app by its desktop
 * name (`desktopName` in package.json, the installed `.desktop` file). Must
 * run before `ready`.
 */
export function enableGlobalShortcutsPortal(platform: NodeJS.Platform = process.platform): void {
  if (platform === 'linux') app.commandLine.appendSwitch('enable-features', 'GlobalShortcutsPortal')
}

/**
 * The panic shortcut, and whether the system accepted it. `register` answers
 * false when another app holds the keys or the platform refuses (Wayland
 * without a portal); an accelerator Electron cannot parse throws. Either way
 * the shortcut is reported inactive, never assumed to work.
 */
export class PanicShortcut {
  #status: PanicShortcutStatus = { active: false, accelerator: '' }

  status(): PanicShortcutStatus {
    return this.#status
  }

  use(accelerator: string, panic: () => void): void {
    if (this.#status.active) globalShortcut.unregister(this.#status.accelerator)
    let active = false
    try {
      active = globalShortcut.register(accelerator, panic)
    } catch {
      // Not an accelerator Electron knows: the hold button still works.
    }
    this.#status = { active, accelerator }
  }
}

/**
 * Keeps the shortcut on the keys the settings name; pressing it wipes the
 * vault, which works while the window is hidden. What follows the wipe is the
 * same for every trigger (`afterWipe.ts`).
 */
export function followPanicShortcutSetting(core: AppCore, shortcut: PanicShortcut): void {
  const panic = () => {
    core.vault.wipe().catch(() => {
      // Nothing to wipe (already gone): the after-wipe steps still run. A wipe that failed
      // keeps its report for the lock screen (VaultService.wipeFailure).
    })
  }
  void core.settings.get().then((s) => shortcut.use(s.panicShortcut, panic))
  core.settings.onChange((s) => {
    if (s.panicShortcut !== shortcut.status().accelerator) shortcut.use(s.panicShortcut, panic)
  })
  app.on('will-quit', () => globalShortcut.unregisterAll())
}
