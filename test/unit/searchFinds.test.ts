import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPerson } from '../../main/store/people'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { kindsNamedIn, rolesNamedIn } from '../../shared/searchTerms'
import { tempDir } from '../support/tempDirs'

let vault: OpenVault

beforeEach(async () => {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, 'search finds test passphrase', { kdf: 'minimum' })
  vault = await unlockVault(dir, 'search finds test passphrase', { kdf: 'minimum' })
})
afterEach(() => vault.lock())

describe('search finds what she looks for, and says whose it is', () => {
  it('a person brings her documents, each naming its holder, kind, country and expiry', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    const timur = createPerson(store, { name: 'Timur Example', relation: 'child', childOf: [dana.id] })
    const kg = store.documents.create({ personId: timur.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2030-01-01' })
    const older = store.documents.create({ personId: timur.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2028-01-01' })
    store.documents.create({ personId: dana.id, kind: 'visa', issuingCountry: 'Schengen', validUntil: '2027-01-01' })

    const hits = store.search.search({ query: 'Timur', limit: 10 })
    expect(hits.map((h) => [h.type, h.id])).toEqual([
      ['person', timur.id],
      ['document', older.id],
      ['document', kg.id],
    ])
    expect(hits[1]).toMatchObject({ document: { kind: 'passport', issuingCountry: 'KG', validUntil: '2028-01-01', holder: 'Timur Example' } })
    // Two passports of one child: told apart by their expiry.
    expect(new Set(hits.slice(1).map((h) => JSON.stringify(h.document))).size).toBe(2)
    expect(store.search.search({ query: 'Timur', limit: 10, types: ['person'] }).map((h) => h.id)).toEqual([timur.id])
  })

  it('"адвокат" and "lawyer" find lawyers by role; "паспорт" and "visa" find documents by kind; each with its context', () => {
    const { store } = vault
    const lawyer = store.contacts.create({ name: 'Aigul Example', organisation: 'Adilet (fictional)', roles: ['lawyer'] })
    store.contacts.create({ name: 'Bermet Example', roles: ['journalist'] })
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    const passport = store.documents.create({ personId: dana.id, kind: 'passport', issuingCountry: 'KG' })
    const visa = store.documents.create({ personId: dana.id, kind: 'visa', issuingCountry: 'Schengen' })

    for (const query of ['адвокат', 'Адвоката', 'lawyer', 'юрист', 'адв']) {
      expect(store.search.search({ query, limit: 10 }).map((h) => h.id), query).toEqual([lawyer.id])
    }
    expect(store.search.search({ query: 'адвокат', limit: 10 })[0]).toMatchObject({
      type: 'contact',
      snippet: '',
      contact: { roles: ['lawyer'], organisation: 'Adilet (fictional)' },
    })
    expect(store.search.search({ query: 'паспорт', limit: 10 }).map((h) => h.id)).toEqual([passport.id])
    expect(store.search.search({ query: 'виза', limit: 10 }).map((h) => h.id)).toEqual([visa.id])
    expect(store.search.search({ query: 'адвокат', limit: 10, types: ['document'] })).toEqual([])
  })

  it('role and kind words: whole words, beginnings while typing, inflections; short fragments name nothing', () => {
    expect(rolesNamedIn('адвокат')).toEqual(['lawyer'])
    expect(rolesNamedIn('Журналисты')).toEqual(['journalist'])
    expect(rolesNamedIn('psych')).toEqual(['psychologist'])
    expect(rolesNamedIn('ад')).toEqual([])
    expect(rolesNamedIn('Dana')).toEqual([])
    expect(kindsNamedIn('загранпаспорт')).toEqual(['passport'])
    expect(kindsNamedIn('id')).toEqual(['national_id'])
    expect(kindsNamedIn('pa')).toEqual([])
  })
})
