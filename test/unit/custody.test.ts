import { afterEach, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../main/evidence/canonicalJson'
import { custodyHash } from '../../main/evidence/custodyLog'
import { verifyVault } from '../../main/evidence/verify'
import type { OpenVault } from '../../main/vault/vault'
import { blobPathOf, flipByte } from '../support/blobFiles'
import { openTestVault, patterned, piecesOf } from '../support/evidenceVault'

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

async function vaultWithEvidence() {
  const made = await openTestVault()
  open = made.vault
  const { store } = made.vault
  const campaign = store.campaigns.create({ title: '16 days test campaign' })
  const person = store.people.create({ name: 'Dana Example', relation: 'self' })
  const journalist = store.contacts.create({ name: 'Columnist Example', roles: ['journalist'] })
  const file = await store.files.add({ name: 'screenshot.png' }, piecesOf(patterned(3 * 1024 * 1024 + 5)))
  const incident = store.incidents.create({
    title: 'Newspaper printed her photo',
    kind: 'publication_doxxing',
    occurredOn: '2026-11-27',
    occurredTime: '09:15',
    timeZone: 'Asia/Bishkek',
    platform: 'Example Daily',
    url: 'https://example.org/article',
    campaignId: campaign.id,
    personIds: [person.id],
    perpetratorContactIds: [journalist.id],
    fileIds: [file.id],
  })
  return { ...made, campaign, person, journalist, file, incident }
}

describe('canonical JSON', () => {
  it('sorts keys at every depth, drops undefined, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}')
    expect(() => canonicalJson({ n: Number.NaN })).toThrow()
  })
})

describe('chain of custody', () => {
  it('records creation, attachment, edits with old and new values, and annotations, each linked to the one before', async () => {
    const { vault, incident, file } = await vaultWithEvidence()
    const { store } = vault
    store.incidents.update(incident.id, { severity: 'high', description: 'Photo and home district printed' })
    store.incidents.annotate(incident.id, 'The lawyer has a paper copy of the issue.')
    const chain = store.custody.entries('incident', incident.id)
    expect(chain.map((e) => e.action)).toEqual(['created', 'file_attached', 'edited', 'annotated'])
    expect(chain[0]!.detail).toMatchObject({ fields: { title: 'Newspaper printed her photo', severity: 'medium', description: '' } })
    expect(chain[2]!.detail).toEqual({
      fields: { description: { old: '', new: 'Photo and home district printed' }, severity: { old: 'medium', new: 'high' } },
      links: {},
    })
    chain.forEach((entry, i) => {
      expect(entry.position).toBe(i)
      expect(entry.prevHash).toBe(i === 0 ? null : chain[i - 1]!.hash)
      expect(entry.hash).toBe(custodyHash(entry))
    })
    expect(store.custody.entries('file', file.id).map((e) => e.action)).toEqual(['intake', 'attached'])
    expect(store.incidents.get(incident.id)).toMatchObject({ severity: 'high', fileIds: [file.id] })
  })

  it('an unchanged update writes no entry; an update does not reset fields it does not name', async () => {
    const { vault, incident } = await vaultWithEvidence()
    vault.store.incidents.update(incident.id, {})
    vault.store.incidents.update(incident.id, { severity: 'medium' })
    expect(vault.store.custody.entries('incident', incident.id)).toHaveLength(2)
    expect(vault.store.incidents.get(incident.id)).toMatchObject({ platform: 'Example Daily', occurredTime: '09:15' })
  })

  it('the database refuses to rewrite or delete history while the record exists', async () => {
    const { rawDatabase, incident } = await vaultWithEvidence()
    const db = rawDatabase()
    try {
      expect(() => db.prepare("UPDATE custody SET action = 'edited' WHERE subject_id = ?").run([incident.id])).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM custody WHERE subject_id = ?').run([incident.id])).toThrow(/append-only/)
    } finally {
      db.close()
    }
  })

  it('deleting a file leaves a "file_detached" entry on its incident; deleting an incident takes its chain', async () => {
    const { vault, incident, file } = await vaultWithEvidence()
    vault.store.files.delete(file.id)
    expect(vault.store.custody.entries('incident', incident.id).at(-1)).toMatchObject({
      action: 'file_detached',
      detail: { fileId: file.id, name: 'screenshot.png', reason: 'file deleted' },
    })
    expect(vault.store.custody.entries('file', file.id)).toEqual([])
    vault.store.incidents.delete(incident.id)
    expect(vault.store.custody.subjects()).toEqual([])
    expect((await verifyVault(vault.store)).problems).toEqual([])
  })

  it('timeline filters by campaign, person, contact, kind and dates, in date order', async () => {
    const { vault, campaign, person, journalist, incident } = await vaultWithEvidence()
    const other = vault.store.incidents.create({ title: 'Police visit', kind: 'police_action', occurredOn: '2026-11-20' })
    const titles = (filter: Parameters<typeof vault.store.incidents.list>[0]) => vault.store.incidents.list(filter).items.map((i) => i.title)
    expect(titles({})).toEqual([other.title, incident.title])
    expect(titles({ campaignId: campaign.id })).toEqual([incident.title])
    expect(titles({ personId: person.id })).toEqual([incident.title])
    expect(titles({ contactId: journalist.id })).toEqual([incident.title])
    expect(titles({ kinds: ['police_action', 'threat'] })).toEqual([other.title])
    expect(titles({ from: '2026-11-21', to: '2026-11-30' })).toEqual([incident.title])
    expect(titles({ kinds: [] })).toEqual([])
  })

  it('links to records that do not exist are refused by field', async () => {
    const { vault } = await vaultWithEvidence()
    const missing = '00000000-0000-4000-8000-000000000000'
    expect(() => vault.store.incidents.create({ title: 'X', kind: 'other', occurredOn: '2026-01-01', personIds: [missing] })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', detail: 'personIds' }),
    )
    expect(vault.store.incidents.count()).toBe(1)
  })
})

describe('verify', () => {
  it('a clean vault has no problems', async () => {
    const { vault } = await vaultWithEvidence()
    const report = await verifyVault(vault.store)
    expect(report).toMatchObject({ problems: [], files: 1, bytes: 3 * 1024 * 1024 + 5, chains: 2 })
  })

  it('one changed byte in a stored blob is reported on that file', async () => {
    const { vault, rawDatabase, reopen, file, dir } = await vaultWithEvidence()
    vault.lock()
    const db = rawDatabase()
    await flipByte(blobPathOf(dir, db, file.id), 2 * 1024 * 1024 + 1234)
    db.close()
    open = await reopen()
    const { problems } = await verifyVault(open.store)
    expect(problems).toEqual([expect.objectContaining({ kind: 'file_content', recordType: 'file', recordId: file.id, label: 'screenshot.png' })])
  })

  it('one changed byte in a custody entry is reported on that chain and entry', async () => {
    const { vault, rawDatabase, reopen, incident } = await vaultWithEvidence()
    vault.store.incidents.update(incident.id, { severity: 'critical' })
    vault.lock()
    const db = rawDatabase()
    // An examiner with the key can drop the guard; the hashes still tell.
    db.exec('DROP TRIGGER custody_no_update')
    db.prepare("UPDATE custody SET detail = replace(detail, 'critical', 'criticaL') WHERE subject_id = ? AND position = 2").run([incident.id])
    db.close()
    open = await reopen()
    const { problems } = await verifyVault(open.store)
    expect(problems).toContainEqual(
      expect.objectContaining({ kind: 'custody_hash', recordType: 'incident', recordId: incident.id, label: incident.title, position: 2 }),
    )
  })

  it('a field changed behind the log, a removed entry and a changed file hash are each reported', async () => {
    const { vault, rawDatabase, reopen, incident, file } = await vaultWithEvidence()
    vault.store.incidents.annotate(incident.id, 'first note')
    vault.lock()
    const db = rawDatabase()
    db.exec('DROP TRIGGER custody_no_delete')
    db.prepare("UPDATE incidents SET occurred_on = '2026-12-01' WHERE id = ?").run([incident.id])
    db.prepare('DELETE FROM custody WHERE subject_id = ? AND position = 1').run([incident.id])
    db.prepare("UPDATE files SET sha256 = 'ab' || substr(sha256, 3) WHERE id = ?").run([file.id])
    db.close()
    open = await reopen()
    const kinds = (await verifyVault(open.store)).problems.map((p) => `${p.kind}:${p.recordId}`)
    expect(kinds).toEqual(
      expect.arrayContaining([`incident_state:${incident.id}`, `custody_order:${incident.id}`, `custody_link:${incident.id}`, `file_content:${file.id}`, `file_record:${file.id}`]),
    )
  })
})
