import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { GuardOptions } from '../../../main/shell/guards'
import { trustedOrigins } from '../../../main/shell/origins'
import { createAppSession, createMainWindow } from '../../../main/shell/window'
import { VaultService } from '../../../main/vault/service'
import { app, BrowserWindow, partitions, type FakeSession } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

// Never opened: the session only hands it to the app:// handler.
const idleVault = new VaultService('/nonexistent/sestra-vault')

const production: GuardOptions = { origins: trustedOrigins(null), devServerUrl: null, language: () => 'en' }
const devServerUrl = 'http://localhost:5173/'
const development: GuardOptions = { origins: trustedOrigins(devServerUrl), devServerUrl, language: () => 'en' }

const freshSession = (guard: GuardOptions) => {
  partitions.clear()
  return createAppSession(guard, idleVault) as unknown as FakeSession
}
const open = (guard: GuardOptions, ses: FakeSession, placement: Parameters<typeof createMainWindow>[2] = null) =>
  createMainWindow(guard, ses as never, placement) as unknown as BrowserWindow

beforeEach(() => {
  app.isPackaged = false
})

describe("the app's session", () => {
  it('keeps nothing on disk and refuses what a hostile page would ask for', () => {
    const ses = freshSession(production)
    expect(ses.partition).not.toMatch(/^persist:/)
    expect(ses.options).toEqual({ cache: false })
    expect(ses.permissionCheck?.(null, 'media')).toBe(false)
    expect(ses.cancels('https://example.org/beacon.gif')).toBe(true)
    expect(ses.cancels('app://sestra/index.html')).toBe(false)
  })

  it('serves app:// once, and any number of windows share it (a second handler would throw in Electron)', () => {
    const ses = freshSession(production)
    expect(ses.protocolHandlers.has('app')).toBe(true)
    const first = open(production, ses)
    const second = open(production, ses)
    expect(second.webContents).not.toBe(first.webContents)
    expect(() => createAppSession(production, idleVault)).toThrow(/register protocol/)
  })
})

describe('a main window', () => {
  it('runs its page sandboxed, isolated, without Node and without devtools', () => {
    const window = open(production, freshSession(production))
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    })
    expect(String(window.options.webPreferences.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/)
    expect(window.setContentProtection).toHaveBeenCalledWith(true)
  })

  it('loads the built app from app://sestra and appears only when its page is ready', () => {
    const window = open(production, freshSession(production))
    expect(window.loadURL).toHaveBeenCalledWith('app://sestra/index.html')
    expect(window.options.show).toBe(false)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledTimes(1)
  })

  it('takes the place of the window it replaces: its bounds, minimised stays minimised (at default size), background stays background', () => {
    const ses = freshSession(production)
    const bounds = { x: 40, y: 30, width: 900, height: 700 }
    const minimised = open(production, ses, { bounds: null, minimized: true, focused: false })
    minimised.emit('ready-to-show')
    expect(minimised.getBounds()).toMatchObject({ width: 1200, height: 800 })
    expect(minimised.minimize).toHaveBeenCalled()
    expect(minimised.show).not.toHaveBeenCalled()

    const background = open(production, ses, { bounds, minimized: false, focused: false })
    background.emit('ready-to-show')
    expect(background.getBounds()).toEqual(bounds)
    expect(background.showInactive).toHaveBeenCalled()
    expect(background.show).not.toHaveBeenCalled()
  })

  it('in development loads the dev server, with devtools and a CSP that admits its websocket', () => {
    const ses = freshSession(development)
    const window = open(development, ses)
    expect(window.loadURL).toHaveBeenCalledWith(devServerUrl)
    expect(window.options.webPreferences.devTools).toBe(true)
    let headers: Record<string, string[]> = {}
    ses.headersReceived?.({ url: devServerUrl, responseHeaders: {} }, (r) => {
      headers = r.responseHeaders
    })
    expect(headers['Content-Security-Policy']?.[0]).toContain('ws://localhost:5173')
  })

  it('never opens devtools when packaged, whatever the environment says', () => {
    app.isPackaged = true
    const window = open(development, freshSession(development))
    expect(window.options.webPreferences.devTools).toBe(false)
  })
})
