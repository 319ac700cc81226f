import { describe, expect, it } from 'vitest'
import { dispatch } from '../../main/ipc/dispatch'
import { ipcApp } from '../support/ipcApp'

async function unlocked() {
  const { handlers } = await ipcApp()
  const call = async (name: string, input?: unknown) => {
    const result = await dispatch(handlers, name, input)
    if (!result.ok) throw Object.assign(new Error(result.message), { code: result.code })
    return result.value as Record<string, never>
  }
  await call('createVault', { passphrase: 'ipc campaign passphrase' })
  return { call, raw: (name: string, input?: unknown) => dispatch(handlers, name, input) }
}

describe('IPC: campaigns, people, documents, search', () => {
  it('runs the readiness flow the renderer uses', async () => {
    const { call, raw } = await unlocked()
    const dana = await call('createPerson', { name: 'Dana Example', relation: 'self' })
    const timur = await call('createPerson', { name: 'Timur Example', relation: 'child', childOf: [dana.id] })
    expect(timur).toMatchObject({ childOf: [dana.id] })
    const passport = await call('createDocument', { personId: timur.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2027-01-01' })
    await call('createDocument', { personId: dana.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-01-01' })
    const lawyer = await call('createContact', { name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true })
    const campaign = await call('createCampaign', {
      title: '16 days',
      startDate: '2026-11-25',
      endDate: '2026-12-10',
      participantIds: [dana.id],
      goals: 'Be safe',
    })
    // A patch of one field leaves the others as they were (no defaults filled in).
    expect(await call('updateCampaign', { id: campaign.id, patch: { warningDays: 7 } })).toMatchObject({
      goals: 'Be safe',
      startDate: '2026-11-25',
      warningDays: 7,
      participantIds: [dana.id],
    })
    const failing = async () =>
      ((await call('campaignReadiness', { id: campaign.id, today: '2026-11-01' })) as unknown as { items: { kind: string; met: boolean }[] }).items
        .filter((i) => ['lawyer', 'passports_visas'].includes(i.kind) && !i.met)
        .map((i) => i.kind)
    expect(await failing()).toEqual(['lawyer', 'passports_visas'])
    await call('setBriefing', { campaignId: campaign.id, contactId: lawyer.id, briefedOn: '2026-10-20' })
    await call('updateDocument', { id: passport.id, patch: { validUntil: '2030-01-01' } })
    expect(await failing()).toEqual([])

    const item = await call('addChecklistItem', { campaignId: campaign.id, title: 'Children stay with grandmother' })
    expect(await call('updateChecklistItem', { id: item.id, patch: { status: 'done' } })).toMatchObject({ status: 'done' })
    expect(await call('getCampaign', { id: campaign.id })).toMatchObject({ checklist: expect.arrayContaining([expect.objectContaining({ kind: 'custom' })]) })
    await call('deleteChecklistItem', { id: item.id })

    expect(await call('listCampaigns', {})).toMatchObject({ total: 1 })
    expect(await call('listPeople', {})).toMatchObject({ total: 2 })
    expect(await call('listDocuments', { personId: timur.id })).toMatchObject({ total: 1 })
    expect(await call('expiringDocuments', { withinDays: 90, today: '2029-11-01' })).toMatchObject({
      items: [{ personName: 'Timur Example', daysLeft: 61, band: 'within90' }],
    })
    // A person brings her documents, each naming its holder.
    expect(await call('search', { query: 'timur' })).toEqual([
      expect.objectContaining({ type: 'person', id: timur.id }),
      expect.objectContaining({ type: 'document', id: passport.id, document: expect.objectContaining({ holder: 'Timur Example' }) }),
    ])

    expect(await raw('updateCampaign', { id: campaign.id, patch: { endDate: '2026-01-01' } })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await raw('setBriefing', { campaignId: campaign.id, contactId: dana.id, briefedOn: '2026-10-20' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await call('deletePerson', { id: dana.id })
    await call('deleteCampaign', { id: campaign.id })
    expect(await call('listPeople', {})).toMatchObject({ total: 1, items: [{ childOf: [] }] })
  })
})
