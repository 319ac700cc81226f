import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { campaignReadiness, createCampaign, updateCampaign } from '../../main/store/campaigns'
import { createPerson } from '../../main/store/people'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { documentShortfall, nextCampaignHorizon } from '../../shared/travelNeeds'
import { tempDir } from '../support/tempDirs'

let vault: OpenVault

beforeEach(async () => {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, 'travel needs test passphrase', { kdf: 'minimum' })
  vault = await unlockVault(dir, 'travel needs test passphrase', { kdf: 'minimum' })
})
afterEach(() => vault.lock())


const today = '2026-11-01'
const passport = (personId: string, validUntil: string | null) =>
  ({ personId, kind: 'passport', issuingCountry: 'KG', number: '', validFrom: null, validUntil, neededForTravel: false, notes: '' }) as const

describe('travel needs: the family page and the expiry overview judge documents as the checklist does', () => {
  it('a child of a participant whose passport fails the margin is "too short" for that campaign, and only while no passport lasts', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    const timur = createPerson(store, { name: 'Timur Example', relation: 'child', childOf: [dana.id] })
    const campaign = createCampaign(store, { title: '16 Days', startDate: '2027-11-25', endDate: '2027-12-10', participantIds: [dana.id] })
    const short = store.documents.create(passport(timur.id, '2028-06-09'))
    store.documents.create(passport(dana.id, '2035-01-01'))

    const needs = store.plans.travelNeeds(today)
    expect(needs.map((n) => [n.personId, n.title, n.passportUntil, n.visaUntil]).sort()).toEqual(
      [
        [dana.id, '16 Days', '2028-06-10', '2028-01-09'],
        [timur.id, '16 Days', '2028-06-10', '2028-01-09'],
      ].sort(),
    )
    expect(documentShortfall(short, needs, today)).toEqual({ campaign: '16 Days', required: '2028-06-10' })
    // The checklist names the very same date.
    const item = campaignReadiness(store, campaign.id, today).items.find((i) => i.kind === 'passports_visas')!
    expect(item.reasons[0]).toMatchObject({ params: { person: 'Timur Example', required: '2028-06-10' } })

    // A second passport that lasts: the checklist is satisfied, and so is the family page.
    store.documents.create(passport(timur.id, '2030-01-01'))
    expect(documentShortfall(short, store.plans.travelNeeds(today), today)).toBeNull()
  })

  it('finished, cancelled and past campaigns ask nothing; the horizon is the soonest end plus its margin', () => {
    const { store } = vault
    const dana = createPerson(store, { name: 'Dana Example', relation: 'self' })
    createCampaign(store, { title: 'Past', startDate: '2026-01-01', endDate: '2026-10-31', participantIds: [dana.id] })
    const later = createCampaign(store, { title: 'Later', startDate: '2027-05-01', endDate: '2027-05-10', participantIds: [dana.id] })
    createCampaign(store, { title: 'Sooner', startDate: '2027-02-01', endDate: '2027-02-10', participantIds: [dana.id] })
    expect(store.plans.travelNeeds(today).map((n) => n.title)).toEqual(['Sooner', 'Later'])
    expect(nextCampaignHorizon(store.plans.travelNeeds(today))).toBe('2027-08-10')
    updateCampaign(store, { id: later.id, patch: { status: 'cancelled' } })
    expect(store.plans.travelNeeds(today).map((n) => n.title)).toEqual(['Sooner'])
    expect(nextCampaignHorizon([])).toBeNull()
  })

  it('visas count only when needed for travel; expired and undated documents are not called short', () => {
    const need = { personId: 'p', campaignId: 'c', title: 'X', endDate: '2027-01-10', passportUntil: '2027-07-10', visaUntil: '2027-02-09', latestPassport: '2027-03-01' }
    const visa = { personId: 'p', kind: 'visa' as const, validUntil: '2027-02-08', neededForTravel: false }
    expect(documentShortfall(visa, [need], today)).toBeNull()
    expect(documentShortfall({ ...visa, neededForTravel: true }, [need], today)).toEqual({ campaign: 'X', required: '2027-02-09' })
    expect(documentShortfall({ ...visa, neededForTravel: true, validUntil: '2027-02-09' }, [need], today)).toBeNull()
    expect(documentShortfall({ ...visa, kind: 'passport', validUntil: '2026-10-01' }, [need], today)).toBeNull()
    expect(documentShortfall({ ...visa, kind: 'passport', validUntil: null }, [need], today)).toBeNull()
    expect(documentShortfall({ ...visa, kind: 'passport', validUntil: '2027-03-01' }, [need], today)).toEqual({ campaign: 'X', required: '2027-07-10' })
    expect(documentShortfall({ ...visa, kind: 'national_id', validUntil: '2027-03-01' }, [need], today)).toBeNull()
  })
})
