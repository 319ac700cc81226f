import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { InspectedBundle } from '../../shared/bundle'
import type { JobStatus } from '../../shared/jobs'
import { dumpVault, fillVault } from '../support/exchangeFixtures'
import { tempDir } from '../support/tempDirs'
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
    // A one-field patch leaves the other fields as they were (no defaults filled in).
    expect(await call('updateAlly', { id, patch: { notes: 'met in Almaty' } })).toMatchObject({
      ok: true,
      value: { notes: 'met in Almaty', verification: 'in_person', verifiedOn: '2026-11-01', publicKey: allyKey },
    })
    expect(await call('updateAlly', { id, patch: { publicKey: 'age1short' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('listAllies')).toMatchObject({ ok: true, value: [{ id, name: 'Ally Abroad' }] })
    expect(await call('deleteAlly', { id })).toMatchObject({ ok: true })
    expect(await call('listAllies')).toMatchObject({ ok: true, value: [] })
    service.lock()
  })
})

type Result<T> = { ok: true; value: T } | { ok: false; code: string }
const valueOf = <T>(result: unknown) => {
  const r = result as Result<T>
  if (!r.ok) throw new Error(`call failed: ${r.code}`)
  return r.value
}

async function finished(call: (name: string, input?: unknown) => Promise<unknown>, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = valueOf<JobStatus>(await call('jobStatus', { id: jobId }))
    if (status.state !== 'running') return status
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('bundles over IPC: export, inspect, merge and restore as jobs, paths from the dialogs', () => {
  it('exports a campaign to an ally and the vault; inspects and merges it; restores a passphrase backup into an absent vault', async () => {
    const a = await ipcApp()
    const b = await ipcApp()
    await a.service.create('vault a passphrase')
    await b.service.create('vault b passphrase')
    const made = await fillVault(a.service.store)
    const bKey = valueOf<{ publicKey: string }>(await b.call('getIdentity')).publicKey
    const ally = valueOf<{ id: string }>(await a.call('addAlly', { name: 'Vault B', publicKey: bKey }))
    const dir = await tempDir()

    // Allies or a passphrase, never both, never neither; nothing is asked before the input is valid.
    for (const bad of [{ selection: 'whole' }, { selection: 'whole', allyIds: [ally.id], passphrase: 'long enough passphrase' }, { selection: { campaignIds: [] }, allyIds: [ally.id] }]) {
      expect(await a.call('exportBundle', bad)).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    }
    a.dialogs.willSave(null)
    expect(await a.call('exportBundle', { selection: { campaignIds: [made.campaign.id] }, allyIds: [ally.id] })).toEqual({ ok: true, value: null })

    a.dialogs.willSave(join(dir, 'campaign.age'))
    const exported = valueOf<{ jobId: string }>(await a.call('exportBundle', { selection: { campaignIds: [made.campaign.id] }, allyIds: [ally.id] }))
    const exportJob = await finished(a.call, exported.jobId)
    expect(exportJob).toMatchObject({ kind: 'export', state: 'done', result: { counts: { campaigns: 1, incidents: 1 } } })
    expect(exportJob.done).toBe(exportJob.total)

    // Vault A cannot open what it sent to B; B can.
    a.dialogs.willOpen([join(dir, 'campaign.age')])
    expect(await a.call('inspectBundle', {})).toMatchObject({ ok: false, code: 'BUNDLE_NOT_FOR_YOU' })
    b.dialogs.willOpen([join(dir, 'campaign.age')])
    const inspected = valueOf<InspectedBundle>(await b.call('inspectBundle', {}))
    expect(inspected.summary).toMatchObject({ selection: { kind: 'records', campaigns: [made.campaign.id] }, counts: { campaigns: 1, files: 1 } })
    const merged = await finished(b.call, valueOf<{ jobId: string }>(await b.call('importBundle', { token: inspected.token })).jobId)
    expect(merged).toMatchObject({ kind: 'import', state: 'done', result: { written: { campaigns: 1, files: 1 } } })
    expect(b.service.store.campaigns.get(made.campaign.id).title).toBe(made.campaign.title)
    // A token serves once.
    expect(await b.call('importBundle', { token: inspected.token })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    // A contact card: the contact alone.
    a.dialogs.willSave(join(dir, 'card.age'))
    const card = valueOf<{ jobId: string }>(await a.call('exportBundle', { selection: { contactIds: [made.lawyer.id] }, allyIds: [ally.id] }))
    expect(await finished(a.call, card.jobId)).toMatchObject({ state: 'done', result: { counts: { contacts: 1, campaigns: 0, links: 0, files: 0 } } })

    // Whole vault with a passphrase, restored where no vault exists.
    a.dialogs.willSave(join(dir, 'backup.age'))
    const backup = valueOf<{ jobId: string }>(await a.call('exportBundle', { selection: 'whole', passphrase: 'backup passphrase 1' }))
    expect(await finished(a.call, backup.jobId)).toMatchObject({ state: 'done' })
    const c = await ipcApp()
    c.dialogs.willOpen([join(dir, 'backup.age')])
    expect(await c.call('inspectBundle', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    c.dialogs.willOpen([join(dir, 'backup.age')])
    expect(await c.call('inspectBundle', { passphrase: 'wrong passphrase' })).toMatchObject({ ok: false, code: 'BUNDLE_WRONG_PASSPHRASE' })
    c.dialogs.willOpen([join(dir, 'backup.age')])
    const whole = valueOf<InspectedBundle>(await c.call('inspectBundle', { passphrase: 'backup passphrase 1' }))
    expect(whole.summary.selection).toEqual({ kind: 'vault' })
    const restored = await finished(c.call, valueOf<{ jobId: string }>(await c.call('restoreBundle', { token: whole.token, newVaultPassphrase: 'restored vault passphrase' })).jobId)
    expect(restored).toMatchObject({ kind: 'restore', state: 'done', result: { written: { campaigns: 2, files: 3 } } })
    expect(await c.call('vaultState')).toEqual({ ok: true, value: { state: 'unlocked', wipeFailure: null } })
    expect(await dumpVault(c.service.store)).toEqual(await dumpVault(a.service.store))
    // Restore never overwrites a vault.
    expect(await a.call('restoreBundle', { token: whole.token, newVaultPassphrase: 'restored vault passphrase' })).toMatchObject({ ok: false, code: 'ALREADY_EXISTS' })
    for (const app of [a, b, c]) app.dispose()
    // A passphrase bundle runs scrypt three times (twice to make it: see sealHeader) and Argon2id several: slow on a busy machine.
  }, 180_000)
})
