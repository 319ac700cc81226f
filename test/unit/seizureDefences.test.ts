import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ClipboardGuard } from '../../main/clipboardGuard'
import { SettingsStore } from '../../main/settings/settingsStore'
import { AutoLock } from '../../main/vault/autoLock'
import { FailedUnlocks } from '../../main/vault/failedUnlocks'
import { VaultService } from '../../main/vault/service'
import { PassphraseThrottle } from '../../main/vault/throttle'
import { defaultSettings } from '../../shared/domain/settings'
import { ipcApp } from '../support/ipcApp'
import { memoryClipboard } from '../support/memoryClipboard'
import { tempDir } from '../support/tempDirs'

const pass = 'seizure test passphrase'
const noWait = new PassphraseThrottle({ sleep: async () => {} })

async function serviceWithLimit(limit: number | null) {
  const root = await tempDir()
  const failures = new FailedUnlocks(join(root, 'failures.json'))
  const options = { kdf: 'minimum', throttle: noWait, failurePolicy: { failures, limit: async () => limit } } as const
  const service = new VaultService(join(root, 'vault'), options)
  await service.create(pass)
  service.store.contacts.create({ name: 'Kept Contact Example' })
  service.lock()
  return { root, service, failures, options }
}

describe('wipe after N wrong passphrases', () => {
  it('wipes on the Nth wrong passphrase in a row, and says only "wrong passphrase"', async () => {
    const { service } = await serviceWithLimit(3)
    const wiped = vi.fn()
    service.onWipe(wiped)
    for (let i = 0; i < 3; i++) {
      await expect(service.unlock('not it at all')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    }
    expect(wiped).toHaveBeenCalledOnce()
    expect(await service.state()).toBe('absent')
    expect(await readdir(service.dir)).toEqual([])
  })

  it('counts across restarts and resets on success', async () => {
    const { root, service, failures, options } = await serviceWithLimit(3)
    await expect(service.unlock('wrong one')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    const restarted = new VaultService(join(root, 'vault'), options)
    await expect(restarted.unlock('wrong two')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(await failures.count()).toBe(2)
    await restarted.unlock(pass)
    expect(await failures.count()).toBe(0)
    expect(restarted.store.contacts.count()).toBe(1)
  })

  it('is off by default: many failures keep the vault', async () => {
    const { service } = await serviceWithLimit(null)
    for (let i = 0; i < 5; i++) await expect(service.unlock('nope nope')).rejects.toThrow()
    await service.unlock(pass)
    expect(service.store.contacts.count()).toBe(1)
  })
})

describe('wipe during a running import', () => {
  it('aborts the import and leaves no file of the vault behind', async () => {
    const { service } = await serviceWithLimit(null)
    await service.unlock(pass)
    let reachedMiddle!: () => void
    const middle = new Promise<void>((resolve) => (reachedMiddle = resolve))
    async function* slowSource() {
      for (let i = 0; i < 64; i++) {
        if (i === 4) reachedMiddle()
        yield new Uint8Array(256 * 1024).fill(i)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
    const importing = service.jobs.run((signal) =>
      service.store.files.add({ name: 'video.mp4', mime: 'video/mp4', modifiedAt: null }, slowSource(), signal),
    )
    const outcome = importing.then(
      () => 'finished',
      (e: { code?: string }) => e.code,
    )
    await middle
    await service.wipe()
    expect(await outcome).toBe('ABORTED')
    expect(await readdir(service.dir)).toEqual([])
    expect(service.jobs.count).toBe(0)
  })
})

describe('auto-lock', () => {
  it('fires once the wall clock passes the timeout, sleep included, and not before', () => {
    let now = 1_000_000
    const onIdle = vi.fn()
    let tick = () => {}
    const lock = new AutoLock({
      timeoutMs: () => 5 * 60_000,
      onIdle,
      now: () => now,
      setInterval: (fn) => ((tick = fn), {}),
      clearInterval: () => {},
    })
    now += 4 * 60_000
    tick()
    expect(onIdle).not.toHaveBeenCalled()
    lock.touch()
    now += 4 * 60_000
    tick()
    expect(onIdle).not.toHaveBeenCalled()
    // The laptop slept for an hour: the first check after waking locks.
    now += 60 * 60_000
    tick()
    expect(onIdle).toHaveBeenCalledOnce()
  })
})

describe('clipboard guard', () => {

  it('clears what it copied after the delay', async () => {
    vi.useFakeTimers()
    try {
      const clipboard = memoryClipboard()
      await new ClipboardGuard(clipboard, 30_000).copy('+7 900 000 00 00')
      await vi.advanceTimersByTimeAsync(29_999)
      expect(clipboard.readText()).toBe('+7 900 000 00 00')
      await vi.advanceTimersByTimeAsync(1)
      expect(clipboard.readText()).toBe('')
    } finally {
      vi.useRealTimers()
    }
  })

  it('leaves alone what the user copied since', async () => {
    const clipboard = memoryClipboard()
    const guard = new ClipboardGuard(clipboard)
    await guard.copy('vault text')
    clipboard.writeText('their own text')
    await guard.clearNow()
    expect(clipboard.readText()).toBe('their own text')
  })
})

describe('settings file', () => {
  it('starts from defaults, saves atomically and reads back', async () => {
    const path = join(await tempDir(), 'settings.json')
    const store = new SettingsStore(path)
    expect(await store.get()).toEqual(defaultSettings)
    await store.update({ panicAction: 'quit', wipeAfterFailures: 5 })
    expect(await new SettingsStore(path).get()).toMatchObject({ panicAction: 'quit', wipeAfterFailures: 5 })
  })

  it('changes only the fields a patch sends', async () => {
    const { call } = await ipcApp()
    await call('updateSettings', { panicAction: 'quit', autoLockMinutes: 12 })
    expect(await call('updateSettings', { lockOnMinimise: true })).toMatchObject({
      ok: true,
      value: { panicAction: 'quit', autoLockMinutes: 12, lockOnMinimise: true },
    })
  })

  it('treats a damaged file as defaults and rejects invalid values without writing', async () => {
    const path = join(await tempDir(), 'settings.json')
    await writeFile(path, '{ not json')
    const store = new SettingsStore(path)
    expect(await store.get()).toEqual(defaultSettings)
    await expect(store.update({ autoLockMinutes: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await readFile(path, 'utf8')).toBe('{ not json')
  })
})
