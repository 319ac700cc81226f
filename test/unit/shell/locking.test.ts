import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { lockOnMinimise, lockWithSystem, renewOnLock } from '../../../main/shell/locking'
import { watchScreenLock, screenLockPollMs } from '../../../main/shell/screenLock'
import { VaultService } from '../../../main/vault/service'
import { tempDir } from '../../support/tempDirs'
import { app, BrowserWindow, FakeSession, powerMonitor } from './fakeElectron'
import { settle, unlockedCore } from './shellCore'

vi.mock('electron', () => import('./fakeElectron'))

async function unlockedService() {
  const service = new VaultService(join(await tempDir(), 'vault'), { kdf: 'minimum' })
  await service.create('tulip river 1987 lantern')
  expect(await service.state()).toBe('unlocked')
  return service
}

beforeEach(() => {
  app.removeAllListeners()
  powerMonitor.removeAllListeners()
})

describe('a lock gives the window a new renderer', () => {
  it('any lock, e.g. from the lock button, renews the window once', async () => {
    const service = await unlockedService()
    const renew = vi.fn()
    renewOnLock(service, renew)
    service.lock()
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(1))
    service.lock() // already locked: nothing to discard
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(renew).toHaveBeenCalledTimes(1)
  })

  it("leaves the lock inside a wipe to the wipe's own handler", async () => {
    const service = await unlockedService()
    const renew = vi.fn()
    renewOnLock(service, renew)
    const locked = new Promise<void>((resolve) => service.onLock(resolve))
    await service.wipe()
    await locked
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(renew).not.toHaveBeenCalled()
  })
})

describe('locking with the system', () => {
  it('suspend locks the vault and renews the window', async () => {
    const service = await unlockedService()
    const renew = vi.fn()
    lockWithSystem(service, renew)
    powerMonitor.emit('suspend')
    expect(await service.state()).toBe('locked')
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(1))
  })

  it('quitting locks the vault without renewing the window', async () => {
    const service = await unlockedService()
    const renew = vi.fn()
    lockWithSystem(service, renew)
    app.emit('before-quit')
    expect(await service.state()).toBe('locked')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(renew).not.toHaveBeenCalled()
  })
})

describe('lock on minimise', () => {
  it('locks only when the setting is on', async () => {
    const { core } = await unlockedCore('fresh')
    const window = new BrowserWindow({ webPreferences: { session: new FakeSession('sestra') } })
    lockOnMinimise(core, window as never)
    window.emit('minimize')
    await settle()
    expect(await core.vault.state()).toBe('unlocked')
    await core.settings.update({ lockOnMinimise: true })
    window.emit('minimize')
    await vi.waitFor(async () => expect(await core.vault.state()).toBe('locked'))
  })
})

describe('the OS screen lock', () => {
  it.each(['darwin', 'win32'] as const)('on %s, comes as the lock-screen event', (platform) => {
    const lock = vi.fn()
    watchScreenLock(lock, platform)
    powerMonitor.emit('lock-screen')
    expect(lock).toHaveBeenCalledTimes(1)
  })

  it('on Linux, where that event does not exist, is polled from the idle state', () => {
    vi.useFakeTimers()
    try {
      const lock = vi.fn()
      watchScreenLock(lock, 'linux')
      expect(powerMonitor.listenerCount('lock-screen')).toBe(0)
      powerMonitor.getSystemIdleState.mockReturnValue('locked')
      vi.advanceTimersByTime(screenLockPollMs)
      expect(lock).toHaveBeenCalledTimes(1)
    } finally {
      powerMonitor.getSystemIdleState.mockReturnValue('active')
      vi.useRealTimers()
    }
  })
})
