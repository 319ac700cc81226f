import { join } from 'node:path'
import { app, BrowserWindow, session, type Session } from 'electron'
import { devCsp } from './devCsp'
import { hardenSession, type GuardOptions } from './guards'
import { appEntryUrl, originOf } from './origins'
import type { VaultService } from '../vault/service'
import { serveAppScheme } from './protocol'
import type { Placement } from './windowHost'

/**
 * No "persist:" prefix: an in-memory partition. Cookies, localStorage,
 * IndexedDB, the HTTP and code caches live in RAM only and vanish on quit, so
 * a disk image holds nothing the renderer ever saw. The vault is the only
 * persistence the app has.
 */
const sessionPartition = 'sestra'

/**
 * The window's session, set up once: Electron refuses a second
 * `protocol.handle` for the same scheme, and every replacement window
 * (`windowHost.ts`) shares this session.
 */
export function createAppSession(guard: GuardOptions, vault: VaultService): Session {
  const ses = session.fromPartition(sessionPartition, { cache: false })
  hardenSession(ses, guard)
  serveAppScheme(ses, join(import.meta.dirname, '../renderer'), vault)
  if (guard.devServerUrl) widenCspForDevServer(ses, guard.devServerUrl)
  return ses
}

export function createMainWindow(guard: GuardOptions, ses: Session, placement: Placement | null): BrowserWindow {
  const { devServerUrl } = guard
  const window = new BrowserWindow({
    ...(placement?.bounds ?? { width: 1200, height: 800 }),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Sestra',
    webPreferences: {
      session: ses,
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged && devServerUrl !== null,
    },
  })
  // Screen recorders and screenshot tools (and remote-support software) get a
  // black rectangle on Windows and macOS.
  window.setContentProtection(true)
  window.once('ready-to-show', () => appear(window, placement))
  window.loadURL(devServerUrl ?? appEntryUrl).catch((error: Error) => {
    console.error(`Sestra: the window did not load: ${error.message}`)
  })
  return window
}

/** A window replaced while minimised or in the background (a lock) stays there. */
function appear(window: BrowserWindow, placement: Placement | null): void {
  if (placement?.minimized) window.minimize()
  else if (placement && !placement.focused) window.showInactive()
  else window.show()
}

function widenCspForDevServer(ses: Session, devServerUrl: string): void {
  const origin = originOf(devServerUrl)
  const policy = devCsp(devServerUrl)
  ses.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}
