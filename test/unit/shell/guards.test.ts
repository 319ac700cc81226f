import { beforeEach, describe, expect, it, vi } from 'vitest'
import { guardWebContents, hardenSession, installGuards, isAllowedRequest, type GuardOptions } from '../../../main/shell/guards'
import { trustedOrigins } from '../../../main/shell/origins'
import { app, dialog, FakeSession, FakeWebContents, navigationEvent, shell } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const production: GuardOptions = { origins: trustedOrigins(null), devServerUrl: null, language: () => 'en' }
const devServerUrl = 'http://localhost:5173/'
const development: GuardOptions = { origins: trustedOrigins(devServerUrl), devServerUrl, language: () => 'ru' }

function guarded(options = production) {
  const contents = new FakeWebContents()
  guardWebContents(contents as never, options)
  return contents
}

const flush = () => new Promise((done) => setTimeout(done, 0))

beforeEach(() => {
  vi.clearAllMocks()
  app.removeAllListeners()
})

describe('navigation', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s away from the app is prevented', (name) => {
    const contents = guarded()
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'http://localhost:5173/', 'app://sestra.evil/x', 'javascript:alert(1)']) {
      const event = navigationEvent(url)
      contents.emit(name, event)
      expect(event.preventDefault, url).toHaveBeenCalled()
    }
  })

  it('within the app is allowed', () => {
    const contents = guarded()
    const event = navigationEvent('app://sestra/index.html#/contacts')
    contents.emit('will-navigate', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('to the dev server is allowed only in development', () => {
    const event = navigationEvent('http://localhost:5173/index.html')
    guarded(development).emit('will-navigate', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('webviews are never attached', () => {
    const event = navigationEvent('')
    guarded().emit('will-attach-webview', event, {}, { src: 'https://example.org' })
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('window.open', () => {
  it.each(['https://example.org/', 'http://example.org/', 'file:///etc/passwd', 'app://sestra/index.html', 'javascript:alert(1)'])(
    'is denied for %s',
    async (url) => {
      expect(guarded().openHandler?.({ url })).toEqual({ action: 'deny' })
      await flush()
    },
  )

  it('offers an https link to the browser and opens it only when confirmed', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 })
    guarded(development).openHandler?.({ url: 'https://frontlinedefenders.org/' })
    await flush()
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ detail: 'https://frontlinedefenders.org/', message: expect.stringMatching(/браузере/) }))
    expect(shell.openExternal).toHaveBeenCalledWith('https://frontlinedefenders.org/')
  })

  it('does not open a declined link', async () => {
    dialog.showMessageBox.mockResolvedValueOnce({ response: 1 })
    guarded().openHandler?.({ url: 'https://example.org/' })
    await flush()
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1)
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('never asks about anything but https', async () => {
    const contents = guarded()
    for (const url of ['http://example.org/', 'file:///etc/passwd', 'smb://host/share', 'mailto:a@b.c']) contents.openHandler?.({ url })
    await flush()
    expect(dialog.showMessageBox).not.toHaveBeenCalled()
    expect(shell.openExternal).not.toHaveBeenCalled()
  })
})

describe('session', () => {
  it('refuses every permission request and check', () => {
    const session = new FakeSession('sestra')
    hardenSession(session as never, production)
    const granted: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.permissionRequest?.(null, permission, (ok) => granted.push(ok))
      granted.push(session.permissionCheck?.(null, permission) ?? true)
    }
    granted.push(session.devicePermission?.({}) ?? true)
    expect(granted).toHaveLength(11)
    expect(granted.every((ok) => ok === false)).toBe(true)
  })

  it('cancels every request that is not for the app itself', () => {
    const session = new FakeSession('sestra')
    hardenSession(session as never, production)
    for (const url of ['https://example.org/beacon', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd', 'app://sestra.evil/x', 'app://other/x', 'devtools://devtools/x']) {
      expect(session.cancels(url), url).toBe(true)
    }
    for (const url of ['app://sestra/index.html', 'app://sestra/assets/index-abc.js', 'data:image/png;base64,AA==']) {
      expect(session.cancels(url), url).toBe(false)
    }
  })

  it('lets the dev server and devtools through in development only', () => {
    const session = new FakeSession('sestra')
    hardenSession(session as never, development)
    for (const url of ['http://localhost:5173/@vite/client', 'ws://localhost:5173/', 'devtools://devtools/bundled/x', 'app://sestra/index.html']) {
      expect(session.cancels(url), url).toBe(false)
    }
    expect(session.cancels('http://localhost:5174/')).toBe(true)
    expect(isAllowedRequest('https://example.org/', devServerUrl)).toBe(false)
  })

  it('turns the spellchecker and its dictionary downloads off', () => {
    const session = new FakeSession('sestra')
    hardenSession(session as never, production)
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false)
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith([])
  })
})

it('guards every webContents the app creates, and its session', () => {
  installGuards(production)
  const contents = new FakeWebContents(new FakeSession('other'))
  app.emit('web-contents-created', {}, contents)
  const event = navigationEvent('https://example.org/')
  contents.emit('will-navigate', event)
  expect(event.preventDefault).toHaveBeenCalled()
  expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' })
  expect(contents.session.cancels('https://example.org/')).toBe(true)
})
