import { app, session, type BrowserWindow } from 'electron'
import type { Language } from '../shared/errors'
import { createAppCore } from './appCore'
import { bindIpc } from './ipc/bindIpc'
import { hardenSession, installGuards } from './shell/guards'
import { lockWithSystem } from './shell/locking'
import { devServerFrom, trustedOrigins } from './shell/origins'
import { registerAppScheme } from './shell/protocol'
import { makeTrustedSender } from './shell/trustedSender'
import { electronDialogs } from './shell/dialogs'
import { notifyAboutDocuments } from './shell/notifications'
import { installSeizureDefences, electronClipboard, lockOnMinimise } from './shell/seizure'
import { createMainWindow, partition } from './shell/window'

/*
 * Crash dumps: Electron's Crashpad handler runs only after crashReporter.start(),
 * which Sestra never calls, so no minidump of a process holding the key is
 * written by the app. The OS's own crash handlers (Windows Error Reporting,
 * macOS ReportCrash, Linux core dumps) are outside the app's reach: full-disk
 * encryption covers them.
 */

registerAppScheme()
app.enableSandbox()

const language = (): Language => (app.getLocale().toLowerCase().startsWith('ru') ? 'ru' : 'en')

/** Settings and the vault (in `vault/`); the e2e tests point it at a temporary folder. */
function dataDirectory(): string {
  return process.env.SESTRA_DATA_DIR || app.getPath('userData')
}

async function start(): Promise<void> {
  let window: BrowserWindow | null = null
  app.on('second-instance', () => {
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

  // The e2e tests ask for the Argon2id floor, as the CLI does; real vaults calibrate.
  const core = await createAppCore({
    dataDir: dataDirectory(),
    kdf: process.env.SESTRA_KDF === 'minimum' ? 'minimum' : 'calibrate',
    clipboard: electronClipboard,
    dialogs: electronDialogs(() => window, language),
    // Built beside this file by electron-vite (a separate entry).
    ageWorker: new URL('./ageWorker.js', import.meta.url),
  })
  bindIpc(core.handlers, makeTrustedSender(() => window?.webContents ?? null, guard.origins), language)

  window = createMainWindow(guard, core.vault)
  window.on('closed', () => {
    window = null
  })
  lockWithSystem(core.vault, () => window)
  lockOnMinimise(core, window)
  installSeizureDefences(core, session.fromPartition(partition), () => window)
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
