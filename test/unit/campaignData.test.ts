import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignReadiness, createCampaign, updateCampaign } from '../../main/store/campaigns'
import { expiringDocuments, listDocuments } from '../../main/store/documentQueries'
import { createPerson, deletePerson, listPeople } from '../../main/store/people'
import { ftsQuery } from '../../main/store/search'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { expiringQuery } from '../../shared/expiry'
import { standardChecklist } from '../../shared/readiness/checklist'
import { tempDir } from '../support/tempDirs'

let vault: OpenVault

beforeEach(async () => {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, 'campaign test passphrase', { kdf: 'minimum' })
  vault = await unlockVault(dir, 'campaign test passphrase', { kdf: 'minimum' })
})
afterEach(() => vault.lock())

const today = '2026-11-01'

describe('campaign data on SQLCipher', () => {
  it('a new campaign gets the eight-point checklist and its participants', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    const campaign = createCampaign(store, {
      title: '16 days',
      startDate: '2026-11-25',
      endDate: '2026-12-10',
      participantIds: [dana.id],
      tasks: [{ title: 'Print leaflets', dueDate: '2026-11-20' }],
    })
    expect(campaign.checklist.map((i) => [i.kind, i.status])).toEqual(standardChecklist.map((k) => [k, 'open']))
    expect(campaign).toMatchObject({ participantIds: [dana.id], passportMarginMonths: 6, warningDays: 14, briefings: [] })
    expect(store.campaigns.get(campaign.id).tasks).toEqual([{ title: 'Print leaflets', owner: '', dueDate: '2026-11-20', done: false }])

    const custom = store.plans.addCustomItem(campaign.id, { title: 'Children stay with grandmother' })
    expect(custom).toMatchObject({ kind: 'custom', position: 8, status: 'open' })
    expect(store.plans.updateItem(custom.id, { status: 'done' }).status).toBe('done')
    const lawyerItem = campaign.checklist.find((i) => i.kind === 'lawyer')!
    expect(() => store.plans.updateItem(lawyerItem.id, { title: 'renamed' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => store.plans.deleteItem(lawyerItem.id)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    store.plans.deleteItem(custom.id)

    const updated = updateCampaign(store, { id: campaign.id, patch: { passportMarginMonths: 3 }, participantIds: [] })
    expect(updated).toMatchObject({ passportMarginMonths: 3, participantIds: [], title: '16 days' })
    expect(() => updateCampaign(store, { id: campaign.id, patch: { startDate: '2026-12-31' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    )
  })

  it('an unknown participant changes nothing', () => {
    expect(() =>
      createCampaign(vault.store, { title: 'X', participantIds: ['00000000-0000-4000-8000-000000000000'] }),
    ).toThrow()
    expect(vault.store.campaigns.count()).toBe(0)
  })

  it('readiness: the activist and her child, a lawyer not yet briefed, then fixed', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    const timur = createPerson(store, { name: 'Timur Example', childOf: [dana.id] })
    expect(timur.childOf).toEqual([dana.id])
    store.documents.create({ personId: dana.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2030-01-01' })
    const childPassport = store.documents.create({ personId: timur.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2027-03-01' })
    const lawyer = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true })
    const campaign = createCampaign(store, {
      title: '16 days',
      startDate: '2026-11-25',
      endDate: '2026-12-10',
      participantIds: [dana.id],
    })

    const before = campaignReadiness(store, campaign.id, today)
    const byKind = (r: typeof before, kind: string) => r.items.find((i) => i.kind === kind)!
    expect(byKind(before, 'lawyer').reasons).toEqual([
      { key: 'readiness.contact.notBriefed', params: { contact: 'Legal Aid Test' }, fix: { place: 'contact', id: lawyer.id, field: 'briefing' } },
    ])
    expect(byKind(before, 'passports_visas').reasons).toEqual([
      {
        key: 'readiness.passport.expiresBeforeMargin',
        params: { person: 'Timur Example', country: 'KG', until: '2027-03-01', required: '2027-06-10' },
        fix: { place: 'document', id: childPassport.id },
      },
    ])

    store.plans.setBriefing(campaign.id, lawyer.id, '2026-10-30')
    store.documents.update(childPassport.id, { validUntil: '2032-03-01' })
    const after = campaignReadiness(store, campaign.id, today)
    expect(byKind(after, 'lawyer').met).toBe(true)
    expect(byKind(after, 'passports_visas').met).toBe(true)

    // Not applicable: the items no contact is recorded for yet, and the manual ones done.
    for (const item of store.plans.checklist(campaign.id)) {
      if (!['lawyer', 'passports_visas'].includes(item.kind)) {
        store.plans.updateItem(item.id, { status: ['digital_security', 'safe_channel'].includes(item.kind) ? 'done' : 'not_applicable' })
      }
    }
    expect(campaignReadiness(store, campaign.id, today).score).toEqual({ met: 4, applicable: 4, percent: 100 })

    store.plans.setBriefing(campaign.id, lawyer.id, null)
    expect(byKind(campaignReadiness(store, campaign.id, today), 'lawyer').met).toBe(false)
  })

  it('deleting a person removes their documents, links and participations', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example' })
    const timur = createPerson(store, { name: 'Timur Example', childOf: [dana.id] })
    store.documents.create({ personId: dana.id, kind: 'passport', issuingCountry: 'KG' })
    const campaign = createCampaign(store, { title: 'X', participantIds: [dana.id] })
    deletePerson(store, dana.id)
    expect(store.documents.count()).toBe(0)
    expect(store.plans.participantIds(campaign.id)).toEqual([])
    expect(listPeople(store, { limit: 10, offset: 0 }).items).toEqual([expect.objectContaining({ id: timur.id, childOf: [] })])
    expect(() => createPerson(store, { name: 'Orphan', childOf: [dana.id] })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(store.people.count()).toBe(1)
  })

  it('expiry overview: expired and expiring, soonest first, with names and days left, filtered', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example' })
    const timur = createPerson(store, { name: 'Timur Example' })
    const add = (personId: string, kind: 'passport' | 'visa', validUntil: string | null) =>
      store.documents.create({ personId, kind, issuingCountry: kind === 'visa' ? 'Schengen' : 'KG', validUntil })
    add(dana.id, 'passport', '2026-10-31')
    add(timur.id, 'passport', '2026-12-01')
    add(dana.id, 'visa', '2027-01-30')
    add(dana.id, 'passport', '2027-04-30')
    add(timur.id, 'visa', null)
    const query = (extra: object) => expiringDocuments(store, expiringQuery.parse({ today, ...extra }))
    const all = query({ withinDays: 180 })
    expect(all.items.map((d) => [d.personName, d.kind, d.daysLeft, d.band])).toEqual([
      ['Dana Example', 'passport', -1, 'expired'],
      ['Timur Example', 'passport', 30, 'within30'],
      ['Dana Example', 'visa', 90, 'within90'],
      ['Dana Example', 'passport', 180, 'within180'],
    ])
    expect(query({ withinDays: 30 }).total).toBe(2)
    expect(query({ withinDays: 180, personId: timur.id }).items).toHaveLength(1)
    expect(query({ withinDays: 180, kind: 'visa' }).items.map((d) => d.daysLeft)).toEqual([90])
    expect(listDocuments(store, { personId: timur.id, limit: 10, offset: 0 }).total).toBe(2)
  })

  it('search finds names, notes and documents, in Russian too, and takes any text safely', () => {
    const { store } = vault
    const anna = createPerson(store, { name: 'Анна Пример', notes: 'живёт у бабушки' })
    const doc = store.documents.create({ personId: anna.id, kind: 'passport', issuingCountry: 'KG', number: 'AC1234567' })
    const contact = store.contacts.create({ name: 'Legal Aid Test', organisation: 'Adilet Example', notes: 'knows about planted drugs' })
    createCampaign(store, { title: '16 days of activism', goals: 'Leaflets' })
    const ids = (query: string) => store.search.search({ query, limit: 10 }).map((h) => h.id)
    // A person comes with her documents.
    expect(ids('анна')).toEqual([anna.id, doc.id])
    expect(ids('АННА')).toEqual([anna.id, doc.id])
    expect(ids('бабуш')).toEqual([anna.id, doc.id])
    expect(ids('AC1234')).toEqual([doc.id])
    expect(ids('planted drugs')).toEqual([contact.id])
    expect(store.search.search({ query: 'planted', limit: 10 })[0]).toMatchObject({
      type: 'contact',
      title: 'Legal Aid Test',
      snippet: expect.stringContaining('\u0002planted\u0003'),
    })
    expect(store.search.search({ query: 'activism', limit: 10, types: ['person'] })).toEqual([])
    for (const hostile of ['"', 'NEAR(a b)', 'title:anna', '*', 'a OR', '(', "'; DROP TABLE people; --", '^anna', '-x']) {
      expect(() => store.search.search({ query: hostile, limit: 10 }), hostile).not.toThrow()
    }
    expect(ids('   ')).toEqual([])

    store.people.update(anna.id, { name: 'Bella Example' })
    expect(ids('анна')).toEqual([])
    expect(ids('bella')).toEqual([anna.id, doc.id])
    deletePerson(store, anna.id)
    expect(ids('bella')).toEqual([])
    expect(ids('AC1234')).toEqual([])
  })

  it('quotes every word of a search', () => {
    expect(ftsQuery('anna "x" OR')).toBe('"anna"* """x"""* "OR"*')
    expect(ftsQuery(' \t ')).toBeNull()
  })
})
