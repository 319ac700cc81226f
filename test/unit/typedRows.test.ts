import Database from '@signalapp/sqlcipher'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobFolder } from '../../main/store/blobs/blobFolder'
import { createStore } from '../../main/store/records'
import { runMigrations } from '../../main/vault/migrations'
import { tempDir } from '../support/tempDirs'

async function storeOnFreshSchema() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  runMigrations(db)
  return { db, store: createStore(db, new BlobFolder(join(await tempDir(), 'blobs'))) }
}

describe('rows leave the store parsed by the record schema', () => {
  it('decodes columns into the record types (booleans, arrays)', async () => {
    const { db, store } = await storeOnFreshSchema()
    const made = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true })
    expect(store.contacts.get(made.id)).toEqual(made)
    expect(store.contacts.get(made.id)).toMatchObject({ speedDial: true, roles: ['lawyer'] })
    db.close()
  })

  it('a row the schema refuses is a damaged database, not a record of the wrong shape', async () => {
    const { db, store } = await storeOnFreshSchema()
    const made = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'] })
    // A role the app never writes, as a row edited outside the app would hold.
    db.prepare(`UPDATE contacts SET roles = '["not-a-role"]' WHERE id = ?`).run([made.id])
    expect(() => store.contacts.get(made.id)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    expect(() => store.contacts.list()).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.close()
  })

  it('a checklist kind or status, or a reminder choice, the app never writes is damage too', async () => {
    const { db, store } = await storeOnFreshSchema()
    const campaign = store.campaigns.create({ title: 'March', startDate: '2026-12-01', endDate: '2026-12-02' })
    store.plans.addStandardChecklist(campaign.id)
    const [item] = store.plans.checklist(campaign.id)
    db.prepare(`UPDATE checklist_items SET status = 'maybe' WHERE id = ?`).run([item!.id])
    expect(() => store.plans.getItem(item!.id)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.prepare(`UPDATE checklist_items SET status = 'open', kind = 'unheard_of' WHERE id = ?`).run([item!.id])
    expect(() => store.plans.checklist(campaign.id)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.prepare('INSERT INTO first_steps (id, reminder_days) VALUES (1, 45)').run()
    expect(() => store.firstSteps.read('2026-11-29')).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.close()
  })

  it('the readiness snapshot parses the contacts it reads as the contacts table does', async () => {
    const { db, store } = await storeOnFreshSchema()
    const campaign = store.campaigns.create({ title: 'March', startDate: '2026-12-01', endDate: '2026-12-02' })
    const lawyer = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true })
    expect(store.plans.snapshotRows(campaign.id).contacts).toEqual([
      { id: lawyer.id, name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], channels: [], aroundTheClock: false, speedDial: true },
    ])
    db.prepare(`UPDATE contacts SET phones = '[42]' WHERE id = ?`).run([lawyer.id])
    expect(() => store.plans.snapshotRows(campaign.id)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.close()
  })

  it('a custody entry whose detail is not a JSON object reads as unreadable, and the check says where', async () => {
    const { db, store } = await storeOnFreshSchema()
    const first = store.custody.append('incident', 'incident-1', 'created', { title: 'x' })
    db.prepare(
      `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
       VALUES ('incident', 'incident-1', 1, '2026-11-29T00:00:00.000Z', 'edited', '[1]', ?, 'h')`,
    ).run([first.hash])
    expect(store.custody.entries('incident', 'incident-1').map((e) => e.detail)).toEqual([{ title: 'x' }, {}])
    const kinds = store.custody.check('incident', 'incident-1', null).problems.map((p) => `${p.kind}@${p.position}`)
    expect(kinds).toContain('custody_unreadable@1')
    db.close()
  })

  it('a custody entry keeps a "__proto__" key of its detail, so its hash still holds', async () => {
    const { db, store } = await storeOnFreshSchema()
    store.custody.append('incident', 'incident-1', 'created', JSON.parse('{"__proto__": "kept", "title": "x"}'))
    expect(Object.keys(store.custody.entries('incident', 'incident-1')[0]!.detail)).toEqual(['__proto__', 'title'])
    expect(store.custody.check('incident', 'incident-1', null).problems).toEqual([])
    db.close()
  })

  it('a custody action the app never writes is damage, not an entry of a type it does not have', async () => {
    const { db, store } = await storeOnFreshSchema()
    const first = store.custody.append('incident', 'incident-1', 'created', {})
    db.prepare(
      `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
       VALUES ('incident', 'incident-1', 1, '2026-11-29T00:00:00.000Z', 'shredded', '{}', ?, 'h')`,
    ).run([first.hash])
    expect(() => store.custody.entries('incident', 'incident-1')).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.close()
  })
})
