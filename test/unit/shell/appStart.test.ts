import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { errorMessage } from '../../../shared/errors'
import { channelFor, methodNames } from '../../../shared/ipc-schema'
import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))
const cores = vi.hoisted(() => ({ options: [] as unknown[], locks: 0 }))
vi.mock('../../../main/appCore', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../main/appCore')>()
  return {
    createAppCore: async (options: Parameters<typeof real.createAppCore>[0]) => {
      cores.options.push(options)
      const core = await real.createAppCore(options)
      core.vault.onLock(() => cores.locks++)
      return core
    },
  }
})

const invoke = (method: string, input?: unknown) => {
  const handler = ipcMain.handle.mock.calls.find(([channel]) => channel === channelFor(method as never))?.[1] as IpcHandler
  const window = BrowserWindow.created[0] as BrowserWindow
  const frame = { parent: null, detached: false, frameTreeNodeId: 1, url: 'app://sestra/index.html' }
  return handler({ sender: window.webContents, senderFrame: frame }, input)
}

async function unlockThroughIpc() {
  const { value } = (await invoke('vaultState')) as unknown as { value: { state: string } }
  if (value.state === 'absent') expect(await invoke('createVault', { passphrase: 'app start passphrase' })).toMatchObject({ ok: true })
  else expect(await invoke('unlock', { passphrase: 'app start passphrase' })).toMatchObject({ ok: true })
}

type IpcHandler = (event: unknown, input: unknown) => Promise<{ ok: boolean; message?: string }>

describe('main/index.ts', async () => {
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
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1))
  const window = BrowserWindow.created[0] as BrowserWindow

  it('registers app:// before ready, sandboxes every renderer and holds the single-instance lock', () => {
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(app.enableSandbox).toHaveBeenCalled()
    expect(app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('keeps its data in SESTRA_DATA_DIR with the KDF floor when SESTRA_KDF=minimum', () => {
    expect(cores.options).toEqual([expect.objectContaining({ dataDir, kdf: 'minimum' })])
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

  it('locks the vault on screen lock, suspend and quit', async () => {
    for (const lockEvent of [() => powerMonitor.emit('lock-screen'), () => powerMonitor.emit('suspend'), () => app.emit('before-quit')]) {
      await unlockThroughIpc()
      lockEvent()
    }
    expect(cores.locks).toBe(3)
  })
})
