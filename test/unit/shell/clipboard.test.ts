import { describe, expect, it, vi } from 'vitest'
import { electronClipboard } from '../../../main/shell/clipboard'
import { unlockedCore } from './shellCore'

vi.mock('electron', () => import('./fakeElectron'))

describe('vault text on the system clipboard', () => {
  it.each(['lock', 'wipe'] as const)('is gone after a %s', async (end) => {
    const { core } = await unlockedCore('fresh')
    await core.handlers.copyToClipboard({ text: '+995 555 000 000' })
    expect(await electronClipboard.readText()).toBe('+995 555 000 000')
    if (end === 'lock') core.vault.lock()
    else await core.vault.wipe()
    await vi.waitFor(async () => expect(await electronClipboard.readText()).toBe(''))
  })
})
