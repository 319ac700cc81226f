import { describe, expect, it } from 'vitest'
import { standardChecklist, type ChecklistItem, type ChecklistKind, type ChecklistStatus } from '../../shared/readiness/checklist'
import { formatMessage, readinessMessages } from '../../shared/readiness/messages'
import { evaluateReadiness, type ReadinessSnapshot } from '../../shared/readiness/rules'

// Fictional people only.
const activist = { id: 'p-activist', name: 'Dana Example' }
const child = { id: 'p-child', name: 'Timur Example' }

function item(kind: ChecklistKind, status: ChecklistStatus = 'open', extra: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id: `item-${kind}-${extra.title ?? ''}`,
    campaignId: 'c1',
    kind,
    title: '',
    status,
    notes: '',
    dueDate: null,
    position: standardChecklist.indexOf(kind as never),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }
}

type Contact = ReadinessSnapshot['contacts'][number]
const contact = (id: string, roles: Contact['roles'], extra: Partial<Contact> = {}): Contact => ({
  id,
  name: `${id} Example`,
  roles,
  phones: ['+996 555 000 111'],
  channels: [],
  aroundTheClock: false,
  speedDial: true,
  ...extra,
})

/** A campaign where everything is in order; each test breaks one thing. */
function ready(): ReadinessSnapshot {
  return {
    today: '2026-11-01',
    campaign: {
      startDate: '2026-11-25',
      endDate: '2026-12-10',
      passportMarginMonths: 6,
      visaMarginDays: 30,
      warningDays: 14,
      pressContact: 'Lena Example',
      tasks: [],
    },
    checklist: standardChecklist.map((kind) => item(kind, kind === 'digital_security' || kind === 'safe_channel' ? 'done' : 'open')),
    travellers: [activist, child],
    documents: [
      { id: 'd-activist', personId: activist.id, kind: 'passport', issuingCountry: 'KG', validFrom: null, validUntil: '2030-01-01', neededForTravel: false },
      { id: 'd-child', personId: child.id, kind: 'passport', issuingCountry: 'KG', validFrom: null, validUntil: '2029-05-01', neededForTravel: false },
    ],
    contacts: [
      contact('lawyer', ['lawyer']),
      contact('hro', ['human_rights_org'], { phones: [], channels: [{ kind: 'signal', handle: '@hro' }] }),
      contact('psy', ['psychologist'], { aroundTheClock: true }),
      contact('ally', ['ally']),
      contact('press', ['journalist']),
    ],
    briefings: { lawyer: '2026-10-01', hro: '2026-10-01', psy: '2026-10-01', ally: '2026-10-02', press: '2026-10-03' },
  }
}

const itemOf = (s: ReadinessSnapshot, kind: ChecklistKind) => evaluateReadiness(s).items.find((i) => i.kind === kind)!

describe('readiness', () => {
  it('a campaign with everything in place scores 100% and warns of nothing', () => {
    const result = evaluateReadiness(ready())
    expect(result.items.map((i) => [i.kind, i.met])).toEqual(standardChecklist.map((k) => [k, true]))
    expect(result.score).toEqual({ met: 8, applicable: 8, percent: 100 })
    expect(result.warning).toBeNull()
    expect(result.daysUntilStart).toBe(24)
  })

  it('manual items are met only when marked done', () => {
    const s = ready()
    s.checklist = s.checklist.map((i) => (i.kind === 'safe_channel' ? { ...i, status: 'in_progress' } : i))
    expect(itemOf(s, 'safe_channel')).toMatchObject({ met: false, automatic: false, reasons: [{ key: 'readiness.manual.notDone' }] })
    expect(evaluateReadiness(s).score).toEqual({ met: 7, applicable: 8, percent: 87 })
  })

  it('a hand mark on a checked item is noted, never counted: the item stays unmet with what the vault sees', () => {
    const s = ready()
    s.contacts[0] = { ...s.contacts[0]!, speedDial: false }
    s.checklist = s.checklist.map((i) => (i.kind === 'lawyer' ? { ...i, status: 'done' } : i))
    expect(itemOf(s, 'lawyer')).toMatchObject({ status: 'done', met: false, markedDone: true, reasons: [{ key: 'readiness.contact.notOnSpeedDial' }] })
    expect(evaluateReadiness(s).score).toEqual({ met: 7, applicable: 8, percent: 87 })
    s.contacts[0] = { ...s.contacts[0]!, speedDial: true }
    expect(itemOf(s, 'lawyer')).toMatchObject({ met: true, markedDone: false })
    // A manual item marked done is simply met.
    expect(itemOf(s, 'digital_security')).toMatchObject({ met: true, markedDone: false })
  })

  it('not applicable items leave the score', () => {
    const s = ready()
    s.contacts = s.contacts.filter((c) => !c.roles.includes('journalist'))
    s.checklist = s.checklist.map((i) => (i.kind === 'journalists_briefed' ? { ...i, status: 'not_applicable' } : i))
    expect(itemOf(s, 'journalists_briefed')).toMatchObject({ applicable: false, met: false, reasons: [] })
    expect(evaluateReadiness(s).score).toEqual({ met: 7, applicable: 7, percent: 100 })
  })

  it('custom items count like manual ones and keep their own title', () => {
    const s = ready()
    s.checklist.push(item('custom', 'open', { title: 'Children stay with grandmother', position: 8 }))
    const result = evaluateReadiness(s)
    expect(result.items[8]).toMatchObject({
      title: { key: 'readiness.item.custom', params: { title: 'Children stay with grandmother' } },
      met: false,
    })
    expect(result.score).toEqual({ met: 8, applicable: 9, percent: 88 })
  })

  describe('lawyer', () => {
    it('needs a contact with the role', () => {
      const s = ready()
      s.contacts = s.contacts.filter((c) => c.id !== 'lawyer')
      expect(itemOf(s, 'lawyer').reasons).toEqual([{ key: 'readiness.contact.none.lawyer', fix: { place: 'newContact', role: 'lawyer' } }])
    })

    it('needs a phone and a briefing for this campaign, naming the lawyer', () => {
      const s = ready()
      s.contacts[0] = contact('lawyer', ['lawyer'], { phones: [], channels: [{ kind: 'signal', handle: '@x' }] })
      delete s.briefings.lawyer
      expect(itemOf(s, 'lawyer').reasons).toEqual([
        { key: 'readiness.contact.noPhone', params: { contact: 'lawyer Example' }, fix: { place: 'contact', id: 'lawyer', field: 'phones' } },
        { key: 'readiness.contact.notBriefed', params: { contact: 'lawyer Example' }, fix: { place: 'contact', id: 'lawyer', field: 'briefing' } },
      ])
    })

    it('the checklist says "number on speed dial": a briefed lawyer who is not on it does not count', () => {
      const s = ready()
      s.contacts[0] = { ...s.contacts[0]!, speedDial: false }
      expect(itemOf(s, 'lawyer')).toMatchObject({
        met: false,
        reasons: [{ key: 'readiness.contact.notOnSpeedDial', params: { contact: 'lawyer Example' }, fix: { place: 'contact', id: 'lawyer', field: 'speedDial' } }],
      })
    })

    it('a briefing dated after today does not count yet', () => {
      const s = ready()
      s.briefings.lawyer = '2026-11-02'
      expect(itemOf(s, 'lawyer').met).toBe(false)
      s.today = '2026-11-02'
      expect(itemOf(s, 'lawyer').met).toBe(true)
    })

    it('one good lawyer is enough', () => {
      const s = ready()
      s.contacts.push(contact('second', ['lawyer'], { phones: [] }))
      expect(itemOf(s, 'lawyer').met).toBe(true)
    })
  })

  it('human-rights organisations must be reachable by phone or channel and briefed', () => {
    const s = ready()
    s.contacts[1] = contact('hro', ['human_rights_org'], { phones: [], channels: [] })
    expect(itemOf(s, 'human_rights_orgs').reasons).toEqual([
      { key: 'readiness.contact.unreachable', params: { contact: 'hro Example' }, fix: { place: 'contact', id: 'hro', field: 'channels' } },
    ])
  })

  it('psychological support must be available 24/7', () => {
    const s = ready()
    s.contacts[2] = { ...s.contacts[2]!, aroundTheClock: false }
    expect(itemOf(s, 'psychological_support').reasons).toEqual([
      { key: 'readiness.contact.notAroundTheClock', params: { contact: 'psy Example' }, fix: { place: 'contact', id: 'psy', field: 'aroundTheClock' } },
    ])
  })

  it('allies and journalists need the press contact person named', () => {
    const s = ready()
    s.campaign.pressContact = '  '
    const missing = { key: 'readiness.pressContact.missing', fix: { place: 'campaign', field: 'pressContact' } }
    expect(itemOf(s, 'allies_briefed').reasons).toEqual([missing])
    expect(itemOf(s, 'journalists_briefed').reasons).toEqual([missing])
    delete s.briefings.ally
    expect(itemOf(s, 'allies_briefed').reasons).toEqual([
      { key: 'readiness.contact.notBriefed', params: { contact: 'ally Example' }, fix: { place: 'contact', id: 'ally', field: 'briefing' } },
      missing,
    ])
  })

  describe('passports and visas', () => {
    it('a child with no passport fails, naming the child', () => {
      const s = ready()
      s.documents = s.documents.filter((d) => d.personId !== child.id)
      expect(itemOf(s, 'passports_visas').reasons).toEqual([
        { key: 'readiness.passport.missing', params: { person: 'Timur Example' }, fix: { place: 'person', id: child.id } },
      ])
    })

    it('the passport must last until the end plus the margin, to the day', () => {
      const s = ready()
      // 2026-12-10 + 6 months = 2027-06-10
      s.documents[1] = { ...s.documents[1]!, validUntil: '2027-06-10' }
      expect(itemOf(s, 'passports_visas').met).toBe(true)
      s.documents[1] = { ...s.documents[1]!, validUntil: '2027-06-09' }
      expect(itemOf(s, 'passports_visas').reasons).toEqual([
        {
          key: 'readiness.passport.expiresBeforeMargin',
          params: { person: 'Timur Example', country: 'KG', until: '2027-06-09', required: '2027-06-10' },
          fix: { place: 'document', id: 'd-child' },
        },
      ])
    })

    it("a passport expiring on the campaign's last day is enough only without a margin", () => {
      const s = ready()
      s.documents[0] = { ...s.documents[0]!, validUntil: '2026-12-10' }
      expect(itemOf(s, 'passports_visas').met).toBe(false)
      s.campaign.passportMarginMonths = 0
      expect(itemOf(s, 'passports_visas').met).toBe(true)
    })

    it('the margin clamps at month ends and leap days', () => {
      const s = ready()
      s.campaign = { ...s.campaign, startDate: '2027-08-01', endDate: '2027-08-31' }
      // 2027-08-31 + 6 months = 2028-02-29 (leap year)
      s.documents[0] = { ...s.documents[0]!, validUntil: '2028-02-29' }
      expect(itemOf(s, 'passports_visas').met).toBe(true)
      s.documents[0] = { ...s.documents[0]!, validUntil: '2028-02-28' }
      expect(itemOf(s, 'passports_visas').reasons[0]).toMatchObject({ params: { required: '2028-02-29' } })
      s.campaign = { ...s.campaign, startDate: '2028-02-01', endDate: '2028-02-29', passportMarginMonths: 12 }
      s.documents[0] = { ...s.documents[0]!, validUntil: '2029-02-28' }
      expect(itemOf(s, 'passports_visas').met).toBe(true)
    })

    it('one lasting passport is enough for a dual citizen; a missing expiry is named', () => {
      const s = ready()
      s.documents.push({ id: 'd-ru', personId: activist.id, kind: 'passport', issuingCountry: 'RU', validFrom: null, validUntil: '2026-01-01', neededForTravel: false })
      expect(itemOf(s, 'passports_visas').met).toBe(true)
      s.documents = [{ id: 'd-kz', personId: activist.id, kind: 'passport', issuingCountry: 'KZ', validFrom: null, validUntil: null, neededForTravel: false }, s.documents[1]!]
      expect(itemOf(s, 'passports_visas').reasons).toEqual([
        { key: 'readiness.passport.noExpiry', params: { person: 'Dana Example', country: 'KZ' }, fix: { place: 'document', id: 'd-kz' } },
      ])
    })

    it('checks only the visas marked as needed, through the end plus the visa margin', () => {
      const s = ready()
      const visa = { id: 'd-visa', personId: child.id, kind: 'visa' as const, issuingCountry: 'Schengen', validFrom: '2026-06-01', validUntil: '2027-01-09' }
      s.documents.push({ ...visa, neededForTravel: false, validUntil: '2026-01-01' })
      s.documents.push({ ...visa, neededForTravel: true })
      // 2026-12-10 + 30 days = 2027-01-09
      expect(itemOf(s, 'passports_visas').met).toBe(true)
      s.documents[3] = { ...visa, neededForTravel: true, validFrom: '2026-11-26', validUntil: '2027-01-08' }
      expect(itemOf(s, 'passports_visas').reasons).toEqual([
        { key: 'readiness.visa.notYetValid', params: { person: 'Timur Example', country: 'Schengen', from: '2026-11-26' }, fix: { place: 'document', id: 'd-visa' } },
        {
          key: 'readiness.visa.expiresBeforeMargin',
          params: { person: 'Timur Example', country: 'Schengen', until: '2027-01-08', required: '2027-01-09' },
          fix: { place: 'document', id: 'd-visa' },
        },
      ])
    })

    it('says why it cannot check: no end date, no participants', () => {
      const s = ready()
      s.travellers = []
      expect(itemOf(s, 'passports_visas').reasons).toEqual([{ key: 'readiness.travel.noParticipants', fix: { place: 'campaign', field: 'participants' } }])
      s.campaign.endDate = null
      expect(itemOf(s, 'passports_visas').reasons).toEqual([{ key: 'readiness.travel.noEndDate', fix: { place: 'campaign', field: 'endDate' } }])
    })
  })

  describe('start warning', () => {
    const withOpenItem = (today: string) => {
      const s = ready()
      s.today = today
      s.checklist = s.checklist.map((i) => (i.kind === 'safe_channel' ? { ...i, status: 'open' } : i))
      return evaluateReadiness(s)
    }

    it('warns from the warning window to the first day, only while items are open', () => {
      expect(withOpenItem('2026-11-10').warning).toBeNull() // 15 days before
      expect(withOpenItem('2026-11-11').warning).toEqual({ key: 'readiness.warning.startSoon', params: { days: 14, count: 1 } })
      expect(withOpenItem('2026-11-25').warning).toEqual({ key: 'readiness.warning.startsToday', params: { count: 1 } })
      expect(withOpenItem('2026-11-26').warning).toBeNull()
      expect(evaluateReadiness({ ...ready(), today: '2026-11-20' }).warning).toBeNull()
    })
  })

  it('lists the next deadlines from open items and unfinished tasks, soonest first', () => {
    const s = ready()
    s.today = '2026-11-10'
    s.checklist = s.checklist.map((i) =>
      i.kind === 'safe_channel' ? { ...i, status: 'open', dueDate: '2026-11-15' } : i.kind === 'lawyer' ? { ...i, dueDate: '2026-11-01' } : i,
    )
    s.campaign.tasks = [
      { title: 'Print leaflets', owner: 'Dana', dueDate: '2026-11-08', done: false },
      { title: 'Book hall', owner: '', dueDate: '2026-11-05', done: true },
      { title: 'Draft article', owner: '', dueDate: null, done: false },
    ]
    expect(evaluateReadiness(s).nextDeadlines).toEqual([
      { source: 'task', ref: 0, title: { key: 'readiness.item.custom', params: { title: 'Print leaflets' } }, dueDate: '2026-11-08', daysLeft: -2 },
      { source: 'checklist', ref: 'item-safe_channel-', title: { key: 'readiness.item.safe_channel' }, dueDate: '2026-11-15', daysLeft: 5 },
    ])
  })
})

describe('readiness messages', () => {
  it('every key has an English and a Russian text with the same parameters', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const key of Object.keys(readinessMessages.en) as (keyof typeof readinessMessages.en)[]) {
      expect(readinessMessages.ru[key], key).toMatch(/\S/)
      expect(params(readinessMessages.ru[key]), key).toEqual(params(readinessMessages.en[key]))
    }
    for (const kind of standardChecklist) expect(readinessMessages.en).toHaveProperty(`readiness.item.${kind}`)
  })

  it('fills parameters and formats dates when asked', () => {
    const message = {
      key: 'readiness.passport.expiresBeforeMargin',
      params: { person: 'Timur Example', country: 'KG', until: '2027-06-09', required: '2027-06-10' },
    } as const
    expect(formatMessage(message, 'en')).toBe(
      'The passport of Timur Example (KG) expires on 2027-06-09; it must be valid until at least 2027-06-10.',
    )
    expect(formatMessage(message, 'ru', { formatDate: (d) => d.split('-').reverse().join('.') })).toBe(
      'Timur Example: паспорт (KG) действует до 09.06.2027; нужно, чтобы он действовал как минимум до 10.06.2027.',
    )
  })

  it('does not double the full stop after a Russian date that ends in "г."', () => {
    const message = {
      key: 'readiness.passport.expiresBeforeMargin',
      params: { person: 'Тимур', country: 'KG', until: '2027-06-09', required: '2027-06-10' },
    } as const
    const longRussian = (d: string) => new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))
    const text = formatMessage(message, 'ru', { formatDate: longRussian })
    expect(text).toMatch(/10 июня 2027 г\.$/)
    expect(text).not.toContain('..')
  })
})
