import { describe, expect, it } from 'vitest'
import { ipcApp } from '../support/ipcApp'
import { makeChunkVault } from '../support/chunkVault'
import { patterned } from '../support/evidenceVault'

const passphrase = 'unlock progress passphrase'

describe('unlockProgress over IPC', () => {
  it('reports an old vault moving its files into blobs while the unlock runs, and null before and after', async () => {
    const { call, service } = await ipcApp()
    const files = Array.from({ length: 4 }, (_, i) => ({ name: `old-${i}.bin`, bytes: patterned(2 * 1024 * 1024 + i) }))
    await makeChunkVault(service.dir, passphrase, files)
    expect(await call('unlockProgress')).toEqual({ ok: true, value: null })

    let settled = false
    const unlocking = call('unlock', { passphrase }).finally(() => (settled = true))
    const seen: unknown[] = []
    while (!settled) {
      const polled = await call('unlockProgress')
      if (polled.ok && polled.value !== null) seen.push(polled.value)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(await unlocking).toEqual({ ok: true, value: null })

    const total = files.reduce((sum, f) => sum + f.bytes.length, 0)
    expect(seen.length).toBeGreaterThan(0)
    for (const progress of seen) expect(progress).toMatchObject({ totalFiles: 4, totalBytes: total })
    expect(seen.some((p) => (p as { files: number }).files < 4)).toBe(true)
    expect(await call('unlockProgress')).toEqual({ ok: true, value: null })
    expect(await call('listFiles', {})).toMatchObject({ ok: true, value: { total: 4 } })
    service.lock()
  })

  it('stays null through the unlock of a vault with nothing to move', async () => {
    const { call, service } = await ipcApp()
    await service.create(passphrase)
    service.lock()
    let settled = false
    const unlocking = call('unlock', { passphrase }).finally(() => (settled = true))
    const polled: unknown[] = []
    while (!settled) {
      polled.push((await call('unlockProgress')) as unknown)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(await unlocking).toMatchObject({ ok: true })
    expect(polled.every((p) => (p as { value: unknown }).value === null)).toBe(true)
    service.lock()
  })
})
