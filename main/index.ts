import { join } from 'node:path'
import { app, session, type BrowserWindow } from 'electron'
import type { Language } from '../shared/errors'
import { bindIpc } from './ipc/bindIpc'
import { createHandlers } from './ipc/handlers'
import { hardenSession, installGuards } from './shell/guards'
import { lockWithSystem } from './shell/locking'
import { devServerFrom, trustedOrigins } from './shell/origins'
import { registerAppScheme } from './shell/protocol'
import { makeTrustedSender } from './shell/trustedSender'
import { createMainWindow } from './shell/window'
import { VaultService } from './vault/service'

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

function vaultDirectory(): string {
  return process.env.SESTRA_VAULT_DIR || join(app.getPath('userData'), 'vault')
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
  const service = new VaultService(vaultDirectory(), {
    kdf: process.env.SESTRA_KDF === 'minimum' ? 'minimum' : 'calibrate',
  })
  bindIpc(createHandlers(service), makeTrustedSender(() => window?.webContents ?? null, guard.origins), language)

  window = createMainWindow(guard)
  window.on('closed', () => {
    window = null
  })
  lockWithSystem(service, () => window)
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
