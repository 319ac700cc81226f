import { isAbsolute } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { GuardOptions } from '../../../main/shell/guards'
import { trustedOrigins } from '../../../main/shell/origins'
import { createMainWindow, partition } from '../../../main/shell/window'
import { VaultService } from '../../../main/vault/service'
import { app, BrowserWindow, session } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

// Never opened: the window only hands it to the app:// handler.
const idleVault = new VaultService('/nonexistent/sestra-vault')

const production: GuardOptions = { origins: trustedOrigins(null), devServerUrl: null, language: () => 'en' }
const devServerUrl = 'http://localhost:5173/'
const development: GuardOptions = { origins: trustedOrigins(devServerUrl), devServerUrl, language: () => 'en' }

beforeEach(() => {
  vi.clearAllMocks()
  app.isPackaged = false
})

describe('the main window', () => {
  it('has every security flag set', () => {
    const window = createMainWindow(production, idleVault) as unknown as BrowserWindow
    const prefs = window.options.webPreferences
    expect(prefs).toMatchObject({
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
      devTools: false,
    })
    expect(isAbsolute(String(prefs.preload))).toBe(true)
    expect(String(prefs.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/)
    expect(window.setContentProtection).toHaveBeenCalledWith(true)
  })

  it('lives on an in-memory partition without HTTP cache, hardened and serving app://', () => {
    const window = createMainWindow(production, idleVault) as unknown as BrowserWindow
    expect(partition).not.toMatch(/^persist:/)
    expect(session.fromPartition).toHaveBeenCalledWith(partition, { cache: false })
    const ses = window.options.webPreferences.session
    expect(ses.partition).toBe(partition)
    expect(ses.permissionCheck?.(null, 'media')).toBe(false)
    expect(ses.cancels('https://example.org/')).toBe(true)
    expect(ses.protocolHandlers.has('app')).toBe(true)
  })

  it('loads the app from app://sestra', () => {
    const window = createMainWindow(production, idleVault) as unknown as BrowserWindow
    expect(window.loadURL).toHaveBeenCalledWith('app://sestra/index.html')
  })

  it('loads the dev server with devtools and a CSP widened for it, in development only', () => {
    const window = createMainWindow(development, idleVault) as unknown as BrowserWindow
    expect(window.loadURL).toHaveBeenCalledWith(devServerUrl)
    expect(window.options.webPreferences.devTools).toBe(true)

    let headers: Record<string, string[]> = {}
    window.options.webPreferences.session.headersReceived?.({ url: devServerUrl, responseHeaders: {} }, (r) => {
      headers = r.responseHeaders
    })
    expect(headers['Content-Security-Policy']?.[0]).toContain('ws://localhost:5173')
  })

  it('never opens devtools when packaged', () => {
    app.isPackaged = true
    const window = createMainWindow(development, idleVault) as unknown as BrowserWindow
    expect(window.options.webPreferences.devTools).toBe(false)
  })
})
