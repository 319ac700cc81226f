import { app, session } from 'electron'
import type { Language } from '../shared/errors'
import { createAppCore } from './appCore'
import { unpackedUrl } from './shell/asarPaths'
import { bindIpc } from './ipc/bindIpc'
import { hardenSession, installGuards } from './shell/guards'
import { lockOnMinimise, lockWithSystem } from './shell/locking'
import { devServerFrom, trustedOrigins } from './shell/origins'
import { registerAppScheme } from './shell/protocol'
import { makeTrustedSender } from './shell/trustedSender'
import { electronDialogs } from './shell/dialogs'
import { notifyAboutDocuments } from './shell/notifications'
import { enableGlobalShortcutsPortal, followPanicShortcutSetting, PanicShortcut } from './shell/panicShortcut'
import { finishEveryWipe } from './shell/afterWipe'
import { electronClipboard } from './shell/clipboard'
import { testSwitches } from './shell/testSwitches'
import { createAppSession, createMainWindow } from './shell/window'
import { WindowHost } from './shell/windowHost'

/*
 * Crash dumps: Electron's Crashpad handler runs only after crashReporter.start(),
 * which Sestra never calls, so no minidump of a process holding the key is
 * written by the app. The OS's own crash handlers (Windows Error Reporting,
 * macOS ReportCrash, Linux core dumps) are outside the app's reach: full-disk
 * encryption covers them.
 */

registerAppScheme()
enableGlobalShortcutsPortal()
app.enableSandbox()

const language = (): Language => (app.getLocale().toLowerCase().startsWith('ru') ? 'ru' : 'en')

async function start(): Promise<void> {
  // Set once the window exists: a second copy, or a dialog, may come before that.
  let host: WindowHost | null = null
  app.on('second-instance', () => {
    const window = host?.current
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // Closing the window ends the session with the vault, on macOS too.
  app.on('window-all-closed', () => app.quit())

  const devServerUrl = devServerFrom(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  const guard = { origins: trustedOrigins(devServerUrl), devServerUrl, language }
  installGuards(guard)
  await app.whenReady()
  hardenSession(session.defaultSession, guard)

  const shortcut = new PanicShortcut()
  const core = await createAppCore({
    ...testSwitches(process.env, app.isPackaged, app.getPath('userData')),
    clipboard: electronClipboard,
    dialogs: electronDialogs(() => host?.current ?? null, language),
    // Built beside this file by electron-vite (a separate entry); unpacked when packaged.
    ageWorker: unpackedUrl(new URL('./ageWorker.js', import.meta.url)),
    panicShortcut: () => shortcut.status(),
  })
  const appSession = createAppSession(guard, core.vault)
  const windows = new WindowHost({
    open: (placement) => {
      const window = createMainWindow(guard, appSession, placement)
      lockOnMinimise(core, window)
      return window
    },
    giveUp: () => app.quit(),
  })
  host = windows
  bindIpc(core.handlers, makeTrustedSender(() => windows.current?.webContents ?? null, guard.origins), language)

  windows.open()
  app.on('before-quit', () => windows.retire())
  const renew = () => windows.renew()
  lockWithSystem(core.vault, renew)
  followPanicShortcutSetting(core, shortcut)
  finishEveryWipe(core, appSession, renew)
  notifyAboutDocuments(core, language)
}

// A second copy would open the same vault files behind the first one's back.
if (app.requestSingleInstanceLock()) {
  start().catch((error: Error) => {
    console.error(`Sestra could not start: ${error.message}`)
    app.exit(1)
  })
} else {
  app.quit()
}
