import { afterAll, describe, expect, it, vi } from 'vitest'
import { errorMessage } from '../../../shared/errors'
import { channelFor, methodNames } from '../../../shared/ipc-schema'
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))
const vaults = vi.hoisted(() => ({ made: [] as unknown[][], locks: 0 }))
vi.mock('../../../main/vault/service', () => ({
  VaultService: class {
    constructor(...args: unknown[]) {
      vaults.made.push(args)
    }
    lock() {
      vaults.locks++
    }
    onLock() {
      return () => {}
    }
  },
}))

type IpcHandler = (event: unknown, input: unknown) => Promise<{ ok: boolean; message?: string }>

describe('main/index.ts', async () => {
  vi.stubEnv('SESTRA_VAULT_DIR', '/tmp/sestra-e2e-vault')
  vi.stubEnv('SESTRA_KDF', 'minimum')
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
  afterAll(() => vi.unstubAllEnvs())
  app.getLocale.mockReturnValue('ru-KG')
  await import('../../../main/index')
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1))
  const window = BrowserWindow.created[0] as BrowserWindow

  it('registers app:// before ready, sandboxes every renderer and holds the single-instance lock', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('opens the vault from SESTRA_VAULT_DIR with the KDF floor when SESTRA_KDF=minimum', () => {
    expect(vaults.made).toEqual([['/tmp/sestra-e2e-vault', { kdf: 'minimum' }]])
  })

  it('binds every contract method, refusing other senders and answering in the locale', async () => {
    expect(ipcMain.handle.mock.calls.map(([channel]) => channel).sort()).toEqual(methodNames.map(channelFor).sort())
    const unlock = ipcMain.handle.mock.calls.find(([channel]) => channel === channelFor('unlock'))?.[1] as IpcHandler
    const frame = { parent: null, detached: false, frameTreeNodeId: 1, url: 'app://sestra/index.html' }
    expect(await unlock({ sender: window.webContents, senderFrame: frame }, {})).toMatchObject({
      ok: false,
      message: errorMessage('INVALID_INPUT', 'ru'),
    })
    expect(await unlock({ sender: {}, senderFrame: frame }, {})).toMatchObject({ ok: false, message: 'Refused.' })
  })

  it('shows the built renderer from app:// in a guarded window', () => {
    expect(window.loadURL).toHaveBeenCalledWith('app://sestra/index.html')
    expect(app.listenerCount('web-contents-created')).toBe(1)
    expect(session.defaultSession.permissionCheck?.(null, 'media')).toBe(false)
  })

  it('focuses the window when a second copy is started', () => {
    app.emit('second-instance')
    expect(window.focus).toHaveBeenCalled()
  })

  it('locks the vault on screen lock, suspend and quit', () => {
    powerMonitor.emit('lock-screen')
    powerMonitor.emit('suspend')
    app.emit('before-quit')
    expect(vaults.locks).toBe(3)
  })
})
