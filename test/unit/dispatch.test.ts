import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VaultService } from '../../main/vault/service'
import { latestSchemaVersion } from '../../main/vault/migrations'
import { ipcApp } from '../support/ipcApp'
import { tempDir } from '../support/tempDirs'


describe('IPC dispatch', () => {
  it('walks the whole vault path: create, contacts, lock, unlock', async () => {
    const { call } = await ipcApp()
    expect(await call('vaultState')).toEqual({ ok: true, value: { state: 'absent', wipeFailure: null } })
    expect(await call('createVault', { passphrase: 'dispatch passphrase' })).toMatchObject({ ok: true })
    const created = await call('createContact', { name: 'Nadia Example', phones: ['+995 555 000 000'] })
    expect(created).toMatchObject({ ok: true, value: { name: 'Nadia Example' } })
    const id = (created as { value: { id: string } }).value.id
    await call('updateContact', { id, patch: { notes: 'briefed' } })
    expect(await call('lock')).toMatchObject({ ok: true })
    expect(await call('listContacts', {})).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(await call('vaultState')).toEqual({ ok: true, value: { state: 'locked', wipeFailure: null } })
    expect(await call('unlock', { passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' })
    expect(await call('unlock', { passphrase: 'dispatch passphrase' })).toMatchObject({ ok: true })
    expect(await call('listContacts', {})).toMatchObject({ ok: true, value: { total: 1, items: [{ notes: 'briefed' }] } })
    expect(await call('vaultSummary')).toMatchObject({ ok: true, value: { counts: { contacts: 1 }, schemaVersion: latestSchemaVersion } })
  })

  it('refuses unknown methods and malformed input without echoing anything', async () => {
    const { call } = await ipcApp()
    const secret = 'SECRET-INPUT-VALUE'
    for (const result of [
      await call('__proto__', {}),
      await call('toString', {}),
      await call('createVault', { passphrase: 42 }),
      await call('createContact', { name: secret, phones: [secret] }),
      await call('getContact', { id: secret }),
      await call('listContacts', { limit: 1e9 }),
    ]) {
      expect(result).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
      expect(JSON.stringify(result)).not.toContain(secret)
    }
  })

  it('speaks Russian when asked', async () => {
    const { call } = await ipcApp()
    expect(await call('listContacts', {}, 'ru')).toEqual({
      ok: false,
      code: 'LOCKED',
      message: 'Хранилище заблокировано. Сначала разблокируйте его.',
    })
  })
})

describe('vault service', () => {
  it('overlapping unlocks open the vault once and one lock zeroes every key', async () => {
    const keys: Buffer[] = []
    const service = new VaultService(join(await tempDir(), 'vault'), { kdf: 'minimum', onKeyMaterial: (b) => keys.push(b) })
    await service.create('overlap passphrase')
    service.lock()
    await Promise.all([service.unlock('overlap passphrase'), service.unlock('overlap passphrase')])
    expect(await service.state()).toBe('unlocked')
    service.lock()
    expect(await service.state()).toBe('locked')
    expect(() => service.store).toThrow(expect.objectContaining({ code: 'LOCKED' }))
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.every((k) => k.every((b) => b === 0))).toBe(true)
  })
})
