import { join } from 'node:path'
import { app, BrowserWindow, session, type Session } from 'electron'
import { devCsp } from './devCsp'
import { hardenSession, type GuardOptions } from './guards'
import { appEntryUrl, originOf } from './origins'
import type { VaultService } from '../vault/service'
import { serveRenderer } from './protocol'

/**
 * No "persist:" prefix: an in-memory partition. Cookies, localStorage,
 * IndexedDB, the HTTP and code caches live in RAM only and vanish on quit, so
 * a disk image holds nothing the renderer ever saw. The vault is the only
 * persistence the app has.
 */
export const partition = 'sestra'

export function createMainWindow(guard: GuardOptions, vault: VaultService): BrowserWindow {
  const { devServerUrl } = guard
  const ses = session.fromPartition(partition, { cache: false })
  hardenSession(ses, guard)
  serveRenderer(ses, join(import.meta.dirname, '../renderer'), vault)
  if (devServerUrl) widenCspForDevServer(ses, devServerUrl)

  const window = new BrowserWindow({
    width: 1200,
    height: 800,
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
  window.once('ready-to-show', () => window.show())
  window.loadURL(devServerUrl ?? appEntryUrl).catch((error: Error) => {
    console.error(`Sestra: the window did not load: ${error.message}`)
  })
  return window
}

function widenCspForDevServer(ses: Session, devServerUrl: string): void {
  const origin = originOf(devServerUrl)
  const policy = devCsp(devServerUrl)
  ses.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } })
  })
}
