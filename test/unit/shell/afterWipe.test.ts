import { beforeEach, describe, expect, it, vi } from 'vitest'
import { finishEveryWipe } from '../../../main/shell/afterWipe'
import { renewOnLock } from '../../../main/shell/locking'
import { app, FakeSession } from './fakeElectron'
import { settle, unlockedCore } from './shellCore'

vi.mock('electron', () => import('./fakeElectron'))

/** The shell as main/index.ts wires it: a lock and a wipe both ask for a new window through `renew`. */
async function shell(panicAction: 'quit' | 'fresh') {
  const { core } = await unlockedCore(panicAction)
  const session = new FakeSession('sestra')
  const renew = vi.fn()
  renewOnLock(core.vault, renew)
  finishEveryWipe(core, session as never, renew)
  return { core, session, renew }
}

const firstCall = (mock: { mock: { invocationCallOrder: number[] } }) => mock.mock.invocationCallOrder[0] ?? Infinity

beforeEach(() => app.quit.mockClear())

describe('after a wipe', () => {
  it('clears the session, then quits when the panic action is quit', async () => {
    const { core, session, renew } = await shell('quit')
    await core.vault.wipe()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(firstCall(session.clearStorageData)).toBeLessThan(firstCall(app.quit))
    expect(firstCall(session.clearCache)).toBeLessThan(firstCall(app.quit))
    expect(renew).not.toHaveBeenCalled()
  })

  it('opens exactly one new window, after the session is cleared, when it is fresh', async () => {
    const { core, session, renew } = await shell('fresh')
    await core.vault.wipe()
    await vi.waitFor(() => expect(renew).toHaveBeenCalled())
    await settle()
    expect(renew).toHaveBeenCalledTimes(1)
    expect(firstCall(session.clearCache)).toBeLessThan(firstCall(renew))
    expect(app.quit).not.toHaveBeenCalled()
    expect(await core.vault.state()).toBe('absent')
  })

  it('renews once more when the wipe comes from the lock screen (duress, panic while locked)', async () => {
    const { core, renew } = await shell('fresh')
    core.vault.lock()
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(1))
    await core.vault.wipe()
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(2))
    await settle()
    expect(renew).toHaveBeenCalledTimes(2)
  })
})
