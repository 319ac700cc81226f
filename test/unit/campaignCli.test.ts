import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { campaignReadiness } from '../../main/store/campaigns'
import { unlockVault } from '../../main/vault/vault'
import { addDays, addMonths, localToday } from '../../shared/calendarDates'
import { runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

const pass = 'campaign cli passphrase'

async function initVault() {
  const dir = join(await tempDir(), 'vault')
  expect((await runCli(['init', '--vault', dir], `${pass}\n`)).code).toBe(0)
  return dir
}

async function ok(args: string[]) {
  const result = await runCli(args, `${pass}\n`)
  expect(result, result.stderr).toMatchObject({ code: 0, stderr: '' })
  return result.stdout.trim()
}

const uuid = /^[0-9a-f-]{36}$/

describe('sestra campaign, person, document, expiring', () => {
  it('builds a family and a campaign, and reports readiness and expiring documents', async () => {
    const dir = await initVault()
    const today = localToday()
    const dana = await ok(['person', 'add', '--vault', dir, '--name', 'Dana Example', '--birth', '1990-02-28'])
    const timur = await ok(['person', 'add', '--vault', dir, '--name', 'Timur Example', '--child-of', dana])
    expect([dana, timur]).toEqual([expect.stringMatching(uuid), expect.stringMatching(uuid)])
    const expiresSoon = addDays(today, 20)
    await ok(['document', 'add', '--vault', dir, '--person', dana, '--kind', 'passport', '--country', 'KG', '--expires', '2099-01-01', '--number', 'AC0000001'])
    await ok(['document', 'add', '--vault', dir, '--person', timur, '--kind', 'passport', '--country', 'KG', '--expires', expiresSoon])
    await ok(['document', 'add', '--vault', dir, '--person', dana, '--kind', 'id', '--country', 'KG', '--expires', addDays(today, -3)])

    const campaign = await ok(['campaign', 'add', '--vault', dir, '--title', '16 days', '--start', addDays(today, 10), '--end', addDays(today, 25)])
    expect(campaign).toMatch(uuid)
    const readiness = JSON.parse(await ok(['campaign', 'readiness', '--vault', dir, '--id', campaign, '--json']))
    expect(readiness.score).toEqual({ met: 0, applicable: 8, percent: 0 })
    expect(readiness.warning).toBe('The campaign starts in 10 days and 8 items are not ready.')
    expect(readiness.items).toHaveLength(8)
    expect(readiness.items[2]).toEqual({
      id: expect.stringMatching(uuid),
      kind: 'lawyer',
      title: 'A lawyer on contract, briefed, number on speed dial',
      status: 'open',
      applicable: true,
      met: false,
      reasons: [{ key: 'readiness.contact.none.lawyer', fix: { place: 'newContact', role: 'lawyer' }, text: 'No contact with the role "lawyer".' }],
    })
    // Nobody takes part yet: the passport check says so rather than passing.
    expect(readiness.items[4].reasons.map((r: { key: string }) => r.key)).toEqual(['readiness.travel.noParticipants'])

    const expiring = JSON.parse(await ok(['expiring', '--vault', dir, '--days', '30', '--json']))
    expect(expiring).toEqual([
      expect.objectContaining({ person: 'Dana Example', kind: 'national_id', daysLeft: -3, band: 'expired' }),
      expect.objectContaining({ person: 'Timur Example', personId: timur, kind: 'passport', validUntil: expiresSoon, daysLeft: 20 }),
    ])
    expect(JSON.parse(await ok(['expiring', '--vault', dir, '--days', '0', '--json']))).toHaveLength(1)

    const russian = await runCli(['campaign', 'readiness', '--vault', dir, '--id', campaign], `${pass}\n`, { LANG: 'ru_RU.UTF-8' })
    expect(russian.stdout).toContain('Нет контакта с ролью «адвокат».')
  })

  it('completes the checklist: participants, margin, press contact, briefed lawyer on speed dial, marks; readiness as the app sees it', { timeout: 180_000 }, async () => {
    const dir = await initVault()
    const today = localToday()
    const [start, end] = [addDays(today, 10), addDays(today, 25)]
    const campaign = await ok(['campaign', 'add', '--vault', dir, '--title', '16 days', '--start', start, '--end', end])
    const dana = await ok(['person', 'add', '--vault', dir, '--name', 'Dana Example'])
    const timur = await ok(['person', 'add', '--vault', dir, '--name', 'Timur Example', '--child-of', dana])
    const aliya = await ok(['person', 'add', '--vault', dir, '--name', 'Aliya Example'])
    // Valid through the end and three months more, but not the default six.
    const timurUntil = addMonths(end, 3)
    await ok(['document', 'add', '--vault', dir, '--person', dana, '--kind', 'passport', '--country', 'KG', '--expires', '2099-01-01'])
    await ok(['document', 'add', '--vault', dir, '--person', timur, '--kind', 'passport', '--country', 'KG', '--expires', timurUntil])
    await ok(['campaign', 'participant', 'add', '--vault', dir, '--id', campaign, '--person', dana])
    await ok(['campaign', 'participant', 'add', '--vault', dir, '--id', campaign, '--person', aliya])
    await ok(['campaign', 'participant', 'remove', '--vault', dir, '--id', campaign, '--person', aliya])

    type Item = {
      kind: string
      met: boolean
      status: string
      reasons: { key: string; params?: Record<string, unknown>; fix?: Record<string, unknown>; text: string }[]
    }
    const readiness = async () => {
      const items: Item[] = JSON.parse(await ok(['campaign', 'readiness', '--vault', dir, '--id', campaign, '--json'])).items
      return Object.fromEntries(items.map((i) => [i.kind, i]))
    }
    const travel = (await readiness()).passports_visas!
    expect(travel.met).toBe(false)
    expect(travel.reasons).toEqual([
      {
        key: 'readiness.passport.expiresBeforeMargin',
        params: { person: 'Timur Example', country: 'KG', until: timurUntil, required: addMonths(end, 6) },
        text: `The passport of Timur Example (KG) expires on ${timurUntil}; it must be valid until at least ${addMonths(end, 6)}.`,
        fix: { place: 'document', id: expect.any(String) },
      },
    ])
    // The very same reasons the app gets from its IPC handler.
    const vault = await unlockVault(dir, pass, { kdf: 'minimum' })
    try {
      const app = campaignReadiness(vault.store, campaign, today).items.find((i) => i.kind === 'passports_visas')!
      expect(travel.reasons.map(({ key, params, fix }) => ({ key, params, fix }))).toEqual(app.reasons)
    } finally {
      vault.lock()
    }

    await ok(['campaign', 'set', '--vault', dir, '--id', campaign, '--margin-months', '3'])
    expect((await readiness()).passports_visas).toMatchObject({ met: true, reasons: [] })

    const press = await ok(['contact', 'add', '--vault', dir, '--name', 'Press Contact Example'])
    await ok(['campaign', 'set', '--vault', dir, '--id', campaign, '--press-contact', press])
    expect((await readiness()).allies_briefed!.reasons.map((r) => r.key)).not.toContain('readiness.pressContact.missing')

    await ok([
      'contact', 'add', '--vault', dir, '--name', 'Lawyer Example', '--role', 'lawyer', '--phone', '+996 555 000 333',
      '--speed-dial', '--briefed-for', campaign, '--on', today,
    ])
    expect((await readiness()).lawyer).toMatchObject({ met: true, reasons: [] })
    await ok([
      'contact', 'add', '--vault', dir, '--name', 'Helpline Example', '--role', 'psychologist', '--phone', '+996 555 000 444',
      '--around-the-clock', '--briefed-for', campaign, '--on', today,
    ])
    expect((await readiness()).psychological_support).toMatchObject({ met: true, reasons: [] })
    const lawyer = JSON.parse(await ok(['contact', 'list', '--vault', dir, '--json'])).find((c: { name: string }) => c.name === 'Lawyer Example')
    expect(lawyer).toMatchObject({ speedDial: true, aroundTheClock: false })

    await ok(['checklist', 'mark', '--vault', dir, '--id', campaign, '--item', 'digital_security', '--status', 'done'])
    await ok(['checklist', 'mark', '--vault', dir, '--id', campaign, '--item', 'safe_channel', '--status', 'in_progress'])
    const marked = await readiness()
    expect(marked.digital_security).toMatchObject({ status: 'done', met: true })
    expect(marked.safe_channel).toMatchObject({ status: 'in_progress', met: false })

    await ok(['campaign', 'participant', 'remove', '--vault', dir, '--id', campaign, '--person', dana])
    expect((await readiness()).passports_visas!.reasons.map((r) => r.key)).toEqual(['readiness.travel.noParticipants'])
  })

  it('the checklist commands refuse bad input and missing records, changing nothing', { timeout: 180_000 }, async () => {
    const dir = await initVault()
    const campaign = await ok(['campaign', 'add', '--vault', dir, '--title', 'X', '--start', '2026-11-25', '--end', '2026-12-10'])
    const person = await ok(['person', 'add', '--vault', dir, '--name', 'Dana Example'])
    const nobody = '00000000-0000-4000-8000-000000000000'
    const code = async (words: string, args: string[]) => (await runCli([...words.split(' '), '--vault', dir, ...args], `${pass}\n`)).code
    const before = await ok(['campaign', 'readiness', '--vault', dir, '--id', campaign, '--json'])
    expect(await code('campaign participant', ['--id', campaign, '--person', person])).toBe(2)
    expect(await code('campaign participant add', ['--id', campaign, '--person', nobody])).toBe(1)
    expect(await code('campaign participant add', ['--id', nobody, '--person', person])).toBe(1)
    expect(await code('campaign participant add', ['--id', campaign, '--person', 'not-an-id'])).toBe(2)
    expect(await code('campaign participant remove', ['--id', campaign, '--person', person])).toBe(1)
    expect(await code('campaign set', ['--id', campaign])).toBe(2)
    expect(await code('campaign set', ['--id', campaign, '--margin-months', 'six'])).toBe(2)
    expect(await code('campaign set', ['--id', campaign, '--margin-months', '61'])).toBe(2)
    expect(await code('campaign set', ['--id', campaign, '--press-contact', nobody])).toBe(1)
    expect(await code('checklist mark', ['--id', campaign, '--item', 'lawyer', '--status', 'finished'])).toBe(2)
    expect(await code('checklist mark', ['--id', campaign, '--item', 'custom', '--status', 'done'])).toBe(1)
    expect(await code('checklist mark', ['--id', nobody, '--item', 'lawyer', '--status', 'done'])).toBe(1)
    expect(await code('contact add', ['--name', 'Briefed Example', '--briefed-for', campaign])).toBe(2)
    expect(await code('contact add', ['--name', 'Briefed Example', '--on', '2026-11-20'])).toBe(2)
    expect(await code('contact add', ['--name', 'Briefed Example', '--briefed-for', nobody, '--on', '2026-11-20'])).toBe(1)
    expect(await code('contact add', ['--name', 'Briefed Example', '--briefed-for', campaign, '--on', '2026-11-31'])).toBe(2)
    expect(await ok(['campaign', 'readiness', '--vault', dir, '--id', campaign, '--json'])).toBe(before)
    expect(JSON.parse(await ok(['contact', 'list', '--vault', dir, '--json']))).toEqual([])
  })

  it('exit codes: 2 for usage and invalid input, 1 for a missing record, 3 for a wrong passphrase', async () => {
    const dir = await initVault()
    const code = async (args: string[], stdin = `${pass}\n`) => (await runCli(args, stdin)).code
    expect(await code(['campaign', 'add', '--vault', dir, '--title', 'X', '--start', '2026-02-30', '--end', '2026-03-01'])).toBe(2)
    expect(await code(['campaign', 'add', '--vault', dir, '--title', 'X', '--start', '2026-12-10', '--end', '2026-11-25'])).toBe(2)
    expect(await code(['campaign', 'add', '--vault', dir, '--start', '2026-11-25', '--end', '2026-12-10'])).toBe(2)
    expect(await code(['document', 'add', '--vault', dir, '--person', 'x', '--kind', 'diploma', '--country', 'KG', '--expires', '2030-01-01'])).toBe(2)
    expect(await code(['document', 'add', '--vault', dir, '--person', 'not-an-id', '--kind', 'visa', '--country', 'KG', '--expires', '2030-01-01'])).toBe(2)
    const nobody = '00000000-0000-4000-8000-000000000000'
    expect(await code(['document', 'add', '--vault', dir, '--person', nobody, '--kind', 'visa', '--country', 'KG', '--expires', '2030-01-01'])).toBe(1)
    expect(await code(['person', 'add', '--vault', dir, '--name', 'Y', '--child-of', nobody])).toBe(1)
    expect(await code(['campaign', 'readiness', '--vault', dir, '--id', nobody])).toBe(1)
    expect(await code(['expiring', '--vault', dir, '--days', '-5'])).toBe(2)
    expect(await code(['expiring', '--vault', dir, '--days', '30'], 'wrong passphrase\n')).toBe(3)
  })
})
