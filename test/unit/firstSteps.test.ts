import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { localToday } from '../../shared/calendarDates'
import type { FirstSteps } from '../../shared/firstSteps'
import { ipcApp } from '../support/ipcApp'
import { tempDir } from '../support/tempDirs'
import { jobIdOf, waitForJob } from '../support/waitForJob'

const passphrase = 'first steps test passphrase'
type App = Awaited<ReturnType<typeof ipcApp>>
const apps: App[] = []
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose()
})

async function newVault(): Promise<App> {
  const app = await ipcApp()
  apps.push(app)
  expect(await app.call('createVault', { passphrase })).toMatchObject({ ok: true })
  return app
}

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const envelope = (await promise) as { ok: true; value: T } | { ok: false; code: string }
  if (!envelope.ok) throw new Error(envelope.code)
  return envelope.value
}

const read = (app: App, today = '2026-11-29') => value<FirstSteps>(app.call('firstSteps', { today }))

describe('first steps', () => {
  it('a new vault has nothing ticked and no backup; each step ticks from the records', async () => {
    const app = await newVault()
    expect(await read(app)).toEqual({
      steps: { family: false, lawyer: false, panic: false, duress: false, backup: false },
      dismissed: false,
      lastBackupOn: null,
      reminderDays: 30,
      backupDue: true,
    })
    const me = await value<{ id: string }>(app.call('createPerson', { name: 'Aigul Example', relation: 'self' }))
    await value(app.call('createDocument', { personId: me.id, kind: 'national_id', issuingCountry: 'KG' }))
    expect((await read(app)).steps.family).toBe(false)
    await value(app.call('createDocument', { personId: me.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-01-01' }))
    expect((await read(app)).steps.family).toBe(true)
    // A child without a passport undoes it.
    const child = await value<{ id: string }>(app.call('createPerson', { name: 'Timur Example', relation: 'child', childOf: [me.id] }))
    expect((await read(app)).steps.family).toBe(false)
    await value(app.call('createDocument', { personId: child.id, kind: 'passport', issuingCountry: 'KG' }))
    expect((await read(app)).steps.family).toBe(true)

    // A lawyer counts once briefed and on speed dial, both.
    const lawyer = await value<{ id: string }>(app.call('createContact', { name: 'Nurlan Lawyer', roles: ['lawyer'], phones: ['+996 700 000 111'] }))
    const campaign = await value<{ id: string }>(app.call('createCampaign', { title: '16 Days (test)' }))
    await value(app.call('setBriefing', { campaignId: campaign.id, contactId: lawyer.id, briefedOn: '2026-11-20' }))
    expect((await read(app)).steps.lawyer).toBe(false)
    await value(app.call('updateContact', { id: lawyer.id, patch: { speedDial: true } }))
    expect((await read(app)).steps.lawyer).toBe(true)
    // A journalist on speed dial, briefed, is not a lawyer.
    await value(app.call('updateContact', { id: lawyer.id, patch: { roles: ['journalist'] } }))
    expect((await read(app)).steps.lawyer).toBe(false)
  })

  it('marks and the reminder choice persist across lock and unlock, and can be undone', async () => {
    const app = await newVault()
    await value(app.call('markFirstStep', { mark: 'panicPractised', on: true }))
    await value(app.call('markFirstStep', { mark: 'duressSet', on: true }))
    await value(app.call('markFirstStep', { mark: 'dismissed', on: true }))
    await value(app.call('setBackupReminder', { days: 7 }))
    await value(app.call('lock'))
    await value(app.call('unlock', { passphrase }))
    expect(await read(app)).toMatchObject({ steps: { panic: true, duress: true }, dismissed: true, reminderDays: 7 })
    await value(app.call('markFirstStep', { mark: 'dismissed', on: false }))
    await value(app.call('markFirstStep', { mark: 'duressSet', on: false }))
    expect(await read(app)).toMatchObject({ steps: { panic: true, duress: false }, dismissed: false, reminderDays: 7 })
    expect(await app.call('setBackupReminder', { days: 8 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await app.call('markFirstStep', { mark: 'backup', on: true })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await app.call('firstSteps', { today: '29.11.2026' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })

  it('a whole-vault export is the backup: its day is kept, the file path is said back, the reminder counts from it', async () => {
    const app = await newVault()
    const out = join(await tempDir(), 'backup.age')
    // To the vault's own key as an ally: age's scrypt for a passphrase would only slow the test.
    const own = await value<{ publicKey: string }>(app.call('getIdentity'))
    const ally = await value<{ id: string }>(app.call('addAlly', { name: 'Ally Abroad', publicKey: own.publicKey }))
    // A campaign alone is not a backup of everything.
    const campaign = await value<{ id: string }>(app.call('createCampaign', { title: '16 Days (test)' }))
    app.dialogs.willSave(join(await tempDir(), 'campaign.age'))
    const partial = await waitForJob(app.call, jobIdOf(await app.call('exportBundle', { selection: { campaignIds: [campaign.id] }, allyIds: [ally.id] })))
    expect(partial.state).toBe('done')
    expect((await read(app)).lastBackupOn).toBeNull()

    app.dialogs.willSave(out)
    const whole = await waitForJob(app.call, jobIdOf(await app.call('exportBundle', { selection: 'whole', allyIds: [ally.id] })))
    expect(whole).toMatchObject({ state: 'done', result: { path: out } })
    const today = localToday()
    expect(await read(app, today)).toMatchObject({ lastBackupOn: today, backupDue: false, steps: { backup: true } })
    const in30 = new Date(Date.parse(`${today}T12:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10)
    const in31 = new Date(Date.parse(`${today}T12:00:00Z`) + 31 * 86_400_000).toISOString().slice(0, 10)
    expect((await read(app, in30)).backupDue).toBe(false)
    expect((await read(app, in31)).backupDue).toBe(true)
    await value(app.call('setBackupReminder', { days: null }))
    expect(await read(app, in31)).toMatchObject({ backupDue: false, reminderDays: null, lastBackupOn: today })
  })

  it('a vault opened by the duress passphrase starts with nothing marked, like a new one', async () => {
    const app = await newVault()
    await value(app.call('markFirstStep', { mark: 'dismissed', on: true }))
    await value(app.call('markFirstStep', { mark: 'panicPractised', on: true }))
    await value(app.call('setDuressPassphrase', { current: passphrase, duress: 'quiet river under snow' }))
    await value(app.call('lock'))
    await value(app.call('unlock', { passphrase: 'quiet river under snow' }))
    expect(await read(app)).toEqual(await read(await newVault()))
  })
})
