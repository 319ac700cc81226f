import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { errorMessage } from '../../../shared/errors'
import { channelFor, methodNames } from '../../../shared/ipc-schema'
import { app, BrowserWindow, globalShortcut, ipcMain, powerMonitor, protocol } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

type Envelope = { ok: boolean; message?: string; value?: unknown }
type IpcHandler = (event: unknown, input: unknown) => Promise<Envelope>

const handlerFor = (method: string) =>
  ipcMain.handle.mock.calls.find(([channel]) => channel === channelFor(method as never))?.[1] as IpcHandler

/** A call as Electron delivers it from `window`'s top frame showing the app. */
const callFrom = (window: BrowserWindow, method: string, input?: unknown) =>
  handlerFor(method)(
    {
      sender: window.webContents,
      senderFrame: { parent: null, detached: false, frameTreeNodeId: window.webContents.mainFrame.frameTreeNodeId, url: 'app://sestra/index.html' },
    },
    input,
  )

const openWindows = () => BrowserWindow.open()
const theWindow = () => {
  expect(openWindows()).toHaveLength(1)
  return openWindows()[0] as BrowserWindow
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

async function unlock() {
  const { value } = (await callFrom(theWindow(), 'vaultState')) as { value: { state: string } }
  const method = value.state === 'absent' ? 'createVault' : 'unlock'
  expect(await callFrom(theWindow(), method, { passphrase: 'app start passphrase' })).toMatchObject({ ok: true })
}

describe('main/index.ts started as Electron starts it', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'sestra-app-start-'))
  vi.stubEnv('SESTRA_DATA_DIR', dataDir)
  vi.stubEnv('SESTRA_KDF', 'minimum')
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
  afterAll(async () => {
    vi.unstubAllEnvs()
    await rm(dataDir, { recursive: true, force: true })
  })
  app.getLocale.mockReturnValue('ru-KG')
  await import('../../../main/index')
  await vi.waitFor(() => expect(openWindows()).toHaveLength(1))

  it('does what Electron allows only before ready, before ready', () => {
    const ready = app.whenReady.mock.invocationCallOrder[0] as number
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready)
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready)
    if (process.platform === 'linux') {
      expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-features', 'GlobalShortcutsPortal')
      expect(app.commandLine.appendSwitch.mock.invocationCallOrder[0]).toBeLessThan(ready)
    }
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('keeps the vault where SESTRA_DATA_DIR says in a development run', async () => {
    await unlock()
    expect(await readdir(join(dataDir, 'vault'))).not.toEqual([])
  })

  it('answers every contract method from its window, in the locale, and refuses any other sender', async () => {
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(methodNames.map(channelFor).sort())
    expect(await callFrom(theWindow(), 'unlock', {})).toMatchObject({ ok: false, message: errorMessage('INVALID_INPUT', 'ru') })
    const stranger = new BrowserWindow({ webPreferences: { session: theWindow().webContents.session } })
    expect(await callFrom(stranger, 'vaultState')).toMatchObject({ ok: false, code: 'REFUSED_SENDER', message: errorMessage('REFUSED_SENDER', 'ru') })
    stranger.destroy()
  })

  it('reports the panic shortcut as the system answered', async () => {
    expect(globalShortcut.registered.size).toBe(1)
    expect(await callFrom(theWindow(), 'panicShortcutStatus')).toMatchObject({ ok: true, value: { active: true } })
  })

  it('a lock replaces the window; IPC then answers the new window only', async () => {
    await unlock()
    const before = theWindow()
    expect(await callFrom(before, 'lock')).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(before.destroyed).toBe(true))
    const after = theWindow()
    expect(after).not.toBe(before)
    expect(after.loadURL).toHaveBeenCalledWith('app://sestra/index.html')
    expect(await callFrom(after, 'vaultState')).toMatchObject({ ok: true, value: { state: 'locked' } })
    expect(await callFrom(before, 'vaultState')).toMatchObject({ ok: false, code: 'REFUSED_SENDER', message: errorMessage('REFUSED_SENDER', 'ru') })
  })

  it('the new window carries the lock-on-minimise wiring', async () => {
    await unlock()
    expect(await callFrom(theWindow(), 'updateSettings', { lockOnMinimise: true })).toMatchObject({ ok: true })
    const window = theWindow()
    window.emit('minimize')
    await vi.waitFor(() => expect(window.destroyed).toBe(true))
    expect(await callFrom(theWindow(), 'vaultState')).toMatchObject({ value: { state: 'locked' } })
  })

  it('a renderer that dies is replaced, never left blank', () => {
    const window = theWindow()
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(window.destroyed).toBe(true)
    expect(theWindow()).not.toBe(window)
  })

  it('focuses the live window when a second copy is started', () => {
    app.emit('second-instance')
    expect(theWindow().focus).toHaveBeenCalled()
  })

  it('suspend locks the vault and renews the window', async () => {
    await unlock()
    const window = theWindow()
    powerMonitor.emit('suspend')
    expect(await callFrom(window, 'vaultState')).toMatchObject({ value: { state: 'locked' } })
    await vi.waitFor(() => expect(window.destroyed).toBe(true))
  })

  it('a panic wipe from the window opens exactly one fresh window', async () => {
    await unlock()
    expect(await callFrom(theWindow(), 'updateSettings', { panicAction: 'fresh' })).toMatchObject({ ok: true })
    const windowsBefore = BrowserWindow.created.length
    expect(await callFrom(theWindow(), 'panicWipe')).toMatchObject({ ok: true })
    await vi.waitFor(() => expect(BrowserWindow.created.length).toBe(windowsBefore + 1))
    await settle()
    expect(BrowserWindow.created.length).toBe(windowsBefore + 1)
    expect(await callFrom(theWindow(), 'vaultState')).toMatchObject({ value: { state: 'absent' } })
  })

  it('quitting locks the vault and opens no other window, even when the renderer goes with it', async () => {
    await unlock()
    const window = theWindow()
    app.emit('before-quit')
    expect(await callFrom(window, 'vaultState')).toMatchObject({ value: { state: 'locked' } })
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 })
    await settle()
    expect(theWindow()).toBe(window)
  })
})
