import { describe, expect, it } from 'vitest'
import { dispatch } from '../../main/ipc/dispatch'
import { ipcApp } from '../support/ipcApp'

const allyKey = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'

describe('identity and allies over IPC', () => {
  it('shows the public key with its fingerprint; adds, lists and deletes allies; refuses bad keys', async () => {
    const { service, handlers } = await ipcApp()
    const call = (name: string, input?: unknown) => dispatch(handlers, name, input)
    expect(await call('getIdentity')).toMatchObject({ ok: false, code: 'LOCKED' })
    await service.create('ipc test passphrase')
    const identity = await call('getIdentity')
    expect(identity).toMatchObject({ ok: true, value: { publicKey: expect.stringMatching(/^age1[a-z0-9]{58}$/), fingerprint: expect.stringMatching(/^(\d{4} ){4}\d{4}$/) } })

    const typo = `${allyKey.slice(0, 30)}${allyKey[30] === 'q' ? 'p' : 'q'}${allyKey.slice(31)}`
    for (const publicKey of [typo, 'age1short', 'AGE-SECRET-KEY-1XYZ', `${allyKey}x`]) {
      expect(await call('addAlly', { name: 'Ally Abroad', publicKey })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    const added = await call('addAlly', { name: 'Ally Abroad', publicKey: ` ${allyKey.toUpperCase()} `, verification: 'in_person', verifiedOn: '2026-11-01' })
    expect(added).toMatchObject({ ok: true, value: { publicKey: allyKey, verification: 'in_person', fingerprint: expect.any(String) } })
    const id = (added as { value: { id: string } }).value.id
    expect(await call('updateAlly', { id, patch: { notes: 'met in Almaty' } })).toMatchObject({ ok: true, value: { notes: 'met in Almaty' } })
    expect(await call('listAllies')).toMatchObject({ ok: true, value: [{ id, name: 'Ally Abroad' }] })
    expect(await call('deleteAlly', { id })).toMatchObject({ ok: true })
    expect(await call('listAllies')).toMatchObject({ ok: true, value: [] })
    service.lock()
  })
})
