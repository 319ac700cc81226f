import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { addDays, localToday } from '../../shared/calendarDates'
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
      reasons: [{ key: 'readiness.contact.none.lawyer', text: 'No contact with the role "lawyer".' }],
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
