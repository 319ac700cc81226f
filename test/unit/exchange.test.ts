import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { generateX25519Identity, identityToRecipient } from 'age-encryption'
import { afterEach, describe, expect, it } from 'vitest'
import { exportBundle } from '../../main/exchange/exportBundle'
import { importBundle, verifyBundle } from '../../main/exchange/importBundle'
import { restoreBundle } from '../../main/exchange/restoreBundle'
import { verifyVault } from '../../main/evidence/verify'
import { unlockVault, type OpenVault } from '../../main/vault/vault'
import { dumpVault, fillVault, newVault, vaultPassphrase } from '../support/exchangeFixtures'
import { snapshot, tempDir } from '../support/tempDirs'

const open: OpenVault[] = []
afterEach(() => open.splice(0).forEach((v) => v.lock()))
const track = (v: OpenVault) => (open.push(v), v)

describe('bundle export and restore', () => {
  it('round trip: every record and every file byte for byte, to a new vault', async () => {
    const source = track(await newVault())
    await fillVault(source.store)
    const out = join(await tempDir(), 'backup.age')
    const progress: number[] = []
    const result = await exportBundle(source.store, {
      selection: { kind: 'vault' },
      to: { recipients: [source.store.identity.publicKey()] },
      out,
      onProgress: (p) => progress.push(p.done / p.total),
    })
    expect(result.counts).toMatchObject({ campaigns: 2, people: 2, documents: 1, contacts: 2, incidents: 1, links: 5, allies: 1, files: 3 })
    expect(progress.at(-1)).toBe(1)
    expect(await readdir(join(out, '..'))).toEqual(['backup.age'])

    const summary = await verifyBundle(out, { identity: source.store.identity.secretKey() })
    expect(summary).toMatchObject({ formatVersion: 1, selection: { kind: 'vault' }, counts: result.counts })

    const target = join(await tempDir(), 'restored')
    const restored = await restoreBundle(out, { identity: source.store.identity.secretKey() }, target, 'new vault passphrase', { kdf: 'minimum' })
    expect(restored.written).toMatchObject({ campaigns: 2, files: 3 })
    const copy = track(await unlockVault(target, 'new vault passphrase', { kdf: 'minimum' }))
    expect(await dumpVault(copy.store)).toEqual(await dumpVault(source.store))
    expect(copy.store.identity.publicKey()).not.toBe(source.store.identity.publicKey())
    // Custody chains travel as rows, so restored evidence verifies as the original did.
    const verified = await verifyVault(copy.store)
    expect(verified.problems).toEqual([])
    expect(verified).toMatchObject({ files: 3, chains: 4 })
  })

  it('a selected campaign carries its people, documents, contacts, incidents and their files only', async () => {
    const source = track(await newVault())
    const made = await fillVault(source.store)
    // Attached through the evidence store: both chains log it, and the file travels with its incident.
    source.store.incidents.attachFile(made.incident.id, made.note.id)
    const ally = await identityToRecipient(await generateX25519Identity())
    const out = join(await tempDir(), 'campaign.age')
    await exportBundle(source.store, {
      selection: { kind: 'records', campaigns: [made.campaign.id], incidents: [] },
      to: { recipients: [ally, source.store.identity.publicKey()] },
      out,
    })
    const target = track(await newVault())
    const before = await dumpVault(target.store)
    const imported = await importBundle(target.store, out, { identity: source.store.identity.secretKey() })
    expect(imported.written).toMatchObject({ campaigns: 1, people: 2, documents: 1, contacts: 1, incidents: 1, links: 5, files: 2, incident_files: 1 })
    const after = await dumpVault(target.store)
    expect(after.records.allies).toEqual([])
    expect(target.store.contacts.list().items).toEqual([made.lawyer])
    expect(Object.keys(after.files).sort()).toEqual([made.screenshot.id, made.note.id].sort())
    expect(before.records.campaigns).toEqual([])
    expect((await verifyVault(target.store)).problems).toEqual([])
  })

  it('merge keeps records present by id unless the incoming version is chosen', async () => {
    const source = track(await newVault())
    const made = await fillVault(source.store)
    const out = join(await tempDir(), 'all.age')
    await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [source.store.identity.publicKey()] }, out })
    const key = { identity: source.store.identity.secretKey() }
    source.store.contacts.update(made.lawyer.id, { notes: 'changed after export' })
    const kept = await importBundle(source.store, out, key)
    expect(kept.written).toEqual({})
    expect(kept.kept).toMatchObject({ contacts: 2, files: 3 })
    expect(source.store.contacts.get(made.lawyer.id).notes).toBe('changed after export')
    const taken = await importBundle(source.store, out, key, 'incoming')
    // Only rows that differ are rewritten; a stored file's bytes never are.
    expect(taken.written).toEqual({ contacts: 1 })
    expect(taken.kept).toMatchObject({ files: 3 })
    expect(source.store.contacts.get(made.lawyer.id).notes).toBe('')
    expect((await dumpVault(source.store)).files[made.screenshot.id]!.size).toBe(made.bytes.screenshot.length)
  })

  it('a cancelled export leaves no file', async () => {
    const source = track(await newVault())
    await fillVault(source.store)
    const dir = await tempDir()
    const controller = new AbortController()
    await expect(
      exportBundle(source.store, {
        selection: { kind: 'vault' },
        to: { recipients: [source.store.identity.publicKey()] },
        out: join(dir, 'x.age'),
        signal: controller.signal,
        onProgress: (p) => p.done > 1024 * 1024 && controller.abort(),
      }),
    ).rejects.toMatchObject({ code: 'ABORTED' })
    expect(await snapshot(dir)).toEqual({})
  })
})

void vaultPassphrase
