import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { lockWithSystem } from '../../../main/shell/locking'
import { VaultService } from '../../../main/vault/service'
import { tempDir } from '../../support/tempDirs'
import { app, BrowserWindow, FakeSession, powerMonitor } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

async function unlockedService() {
  const service = new VaultService(join(await tempDir(), 'vault'), { kdf: 'minimum' })
  await service.create('tulip river 1987 lantern')
  expect(await service.state()).toBe('unlocked')
  return service
}

const newWindow = () => new BrowserWindow({ webPreferences: { session: new FakeSession('sestra') } })

beforeEach(() => {
  app.removeAllListeners()
  powerMonitor.removeAllListeners()
})

describe('locking with the system', () => {
  it.each(['lock-screen', 'suspend'])('%s locks the vault and restarts the renderer', async (event) => {
    const service = await unlockedService()
    const window = newWindow()
    lockWithSystem(service, () => window as never)
    powerMonitor.emit(event)
    expect(await service.state()).toBe('locked')
    expect(window.webContents.calls).toEqual(['crash', 'reload'])
  })

  it('any lock, e.g. from the lock button, restarts the renderer in a new process', () => {
    const listeners: (() => void)[] = []
    const service = { lock: () => listeners.forEach((l) => l()), onLock: (l: () => void) => (listeners.push(l), () => {}) }
    const window = newWindow()
    lockWithSystem(service, () => window as never)
    service.lock()
    expect(window.webContents.calls).toEqual(['crash', 'reload'])
  })

  it('quitting locks the vault without restarting the renderer', async () => {
    const service = await unlockedService()
    const window = newWindow()
    lockWithSystem(service, () => window as never)
    app.emit('before-quit')
    expect(await service.state()).toBe('locked')
    expect(window.webContents.calls).toEqual([])
  })

  it('a closed window is left alone', async () => {
    const service = await unlockedService()
    const window = newWindow()
    window.destroyed = true
    lockWithSystem(service, () => window as never)
    powerMonitor.emit('suspend')
    expect(await service.state()).toBe('locked')
    expect(window.webContents.calls).toEqual([])
  })
})
