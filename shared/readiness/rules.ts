import { addDays, addMonths, daysBetween } from '../calendarDates'
import type { CampaignFields } from '../domain/campaign'
import type { ContactFields } from '../domain/contact'
import type { TravelDocumentFields } from '../domain/travelDocument'
import type { ChecklistItem, ChecklistKind, ChecklistStatus } from './checklist'
import type { Message, MessageKey } from './messages'

/** Everything the rules look at, loaded by the data layer for one campaign. */
export interface ReadinessSnapshot {
  /** The user's calendar day. */
  today: string
  campaign: Pick<
    CampaignFields,
    'startDate' | 'endDate' | 'passportMarginMonths' | 'visaMarginDays' | 'warningDays' | 'pressContact' | 'tasks'
  >
  checklist: ChecklistItem[]
  /** The participants and every child linked to one of them. */
  travellers: { id: string; name: string }[]
  /** Passports and visas of the travellers. */
  documents: (Pick<TravelDocumentFields, 'personId' | 'kind' | 'issuingCountry' | 'validFrom' | 'validUntil' | 'neededForTravel'>)[]
  /** Contacts holding any role a rule looks for. */
  contacts: (Pick<ContactFields, 'name' | 'roles' | 'phones' | 'channels' | 'aroundTheClock'> & { id: string })[]
  /** Contact id -> the day they were briefed for this campaign. */
  briefings: Record<string, string>
}

export interface ItemReadiness {
  id: string
  kind: ChecklistKind
  title: Message
  status: ChecklistStatus
  notes: string
  dueDate: string | null
  /** Checked against the vault rather than by the user's own mark. */
  automatic: boolean
  applicable: boolean
  met: boolean
  /** Why it is not met, in order; empty when met or not applicable. */
  reasons: Message[]
}

export interface Deadline {
  source: 'task' | 'checklist'
  /** The checklist item's id, or the task's position in the plan. */
  ref: string | number
  title: Message
  dueDate: string
  /** Negative when overdue. */
  daysLeft: number
}

export interface CampaignReadiness {
  items: ItemReadiness[]
  score: { met: number; applicable: number; percent: number }
  daysUntilStart: number | null
  warning: Message | null
  nextDeadlines: Deadline[]
}

type Rule = (s: ReadinessSnapshot) => Message[]
type Contact = ReadinessSnapshot['contacts'][number]
type CheckedRole = 'lawyer' | 'human_rights_org' | 'psychologist' | 'ally' | 'journalist'

interface Requirement {
  unmet(contact: Contact, s: ReadinessSnapshot): boolean
  reason: MessageKey
}

// A briefing dated in the future is a plan, not a briefing.
const briefed: Requirement = {
  unmet: (c, s) => !(c.id in s.briefings) || s.briefings[c.id]! > s.today,
  reason: 'readiness.contact.notBriefed',
}
const hasPhone: Requirement = { unmet: (c) => c.phones.length === 0, reason: 'readiness.contact.noPhone' }
const reachable: Requirement = {
  unmet: (c) => c.phones.length === 0 && c.channels.length === 0,
  reason: 'readiness.contact.unreachable',
}
const aroundTheClock: Requirement = { unmet: (c) => !c.aroundTheClock, reason: 'readiness.contact.notAroundTheClock' }

/** Met when one contact with the role passes every requirement; else says what each one lacks. */
function contactRule(role: CheckedRole, requirements: Requirement[]): Rule {
  return (s) => {
    const candidates = s.contacts.filter((c) => c.roles.includes(role))
    if (candidates.length === 0) return [{ key: `readiness.contact.none.${role}` }]
    const lacks = candidates.map((c) =>
      requirements.filter((r) => r.unmet(c, s)).map((r): Message => ({ key: r.reason, params: { contact: c.name } })),
    )
    return lacks.some((l) => l.length === 0) ? [] : lacks.flat()
  }
}

const pressContactNamed: Rule = (s) => (s.campaign.pressContact.trim() ? [] : [{ key: 'readiness.pressContact.missing' }])

const allOf =
  (...rules: Rule[]): Rule =>
  (s) =>
    rules.flatMap((rule) => rule(s))

type Document = ReadinessSnapshot['documents'][number]

function passportReasons(person: string, passports: Document[], required: string): Message[] {
  if (passports.length === 0) return [{ key: 'readiness.passport.missing', params: { person } }]
  // Dual citizens need only one passport that lasts.
  if (passports.some((d) => d.validUntil !== null && d.validUntil >= required)) return []
  const dated = passports.filter((d) => d.validUntil !== null).sort((a, b) => b.validUntil!.localeCompare(a.validUntil!))
  const latest = dated[0]
  if (!latest) return [{ key: 'readiness.passport.noExpiry', params: { person, country: passports[0]!.issuingCountry } }]
  return [
    {
      key: 'readiness.passport.expiresBeforeMargin',
      params: { person, country: latest.issuingCountry, until: latest.validUntil!, required },
    },
  ]
}

function visaReasons(person: string, visa: Document, required: string, firstDay: string): Message[] {
  const params = { person, country: visa.issuingCountry }
  const reasons: Message[] = []
  if (visa.validFrom !== null && visa.validFrom > firstDay) {
    reasons.push({ key: 'readiness.visa.notYetValid', params: { ...params, from: visa.validFrom } })
  }
  if (visa.validUntil === null) reasons.push({ key: 'readiness.visa.noExpiry', params })
  else if (visa.validUntil < required) {
    reasons.push({ key: 'readiness.visa.expiresBeforeMargin', params: { ...params, until: visa.validUntil, required } })
  }
  return reasons
}

const travelDocuments: Rule = (s) => {
  const { startDate, endDate, passportMarginMonths, visaMarginDays } = s.campaign
  if (!endDate) return [{ key: 'readiness.travel.noEndDate' }]
  if (s.travellers.length === 0) return [{ key: 'readiness.travel.noParticipants' }]
  const passportUntil = addMonths(endDate, passportMarginMonths)
  const visaUntil = addDays(endDate, visaMarginDays)
  return s.travellers.flatMap((person) => {
    const own = s.documents.filter((d) => d.personId === person.id)
    return [
      ...passportReasons(person.name, own.filter((d) => d.kind === 'passport'), passportUntil),
      ...own
        .filter((d) => d.kind === 'visa' && d.neededForTravel)
        .flatMap((visa) => visaReasons(person.name, visa, visaUntil, startDate ?? endDate)),
    ]
  })
}

const rules: Partial<Record<ChecklistKind, Rule>> = {
  lawyer: contactRule('lawyer', [hasPhone, briefed]),
  human_rights_orgs: contactRule('human_rights_org', [reachable, briefed]),
  passports_visas: travelDocuments,
  psychological_support: contactRule('psychologist', [reachable, briefed, aroundTheClock]),
  allies_briefed: allOf(contactRule('ally', [briefed]), pressContactNamed),
  journalists_briefed: allOf(contactRule('journalist', [briefed]), pressContactNamed),
}

const userText = (title: string): Message => ({ key: 'readiness.item.custom', params: { title } })

function evaluateItem(item: ChecklistItem, s: ReadinessSnapshot): ItemReadiness {
  const rule = rules[item.kind]
  const applicable = item.status !== 'not_applicable'
  const reasons: Message[] = !applicable
    ? []
    : rule
      ? rule(s)
      : item.status === 'done'
        ? []
        : [{ key: 'readiness.manual.notDone' }]
  return {
    id: item.id,
    kind: item.kind,
    title: item.kind === 'custom' ? userText(item.title) : { key: `readiness.item.${item.kind}` },
    status: item.status,
    notes: item.notes,
    dueDate: item.dueDate,
    automatic: rule !== undefined,
    applicable,
    met: applicable && reasons.length === 0,
    reasons,
  }
}

const deadlineCount = 5

function nextDeadlines(items: ItemReadiness[], s: ReadinessSnapshot): Deadline[] {
  const fromItems = items
    .filter((i) => i.applicable && !i.met && i.dueDate !== null)
    .map((i): Deadline => ({ source: 'checklist', ref: i.id, title: i.title, dueDate: i.dueDate!, daysLeft: 0 }))
  const fromTasks = s.campaign.tasks.flatMap((task, position): Deadline[] =>
    task.done || task.dueDate === null
      ? []
      : [{ source: 'task', ref: position, title: userText(task.title), dueDate: task.dueDate, daysLeft: 0 }],
  )
  return [...fromItems, ...fromTasks]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .slice(0, deadlineCount)
    .map((d) => ({ ...d, daysLeft: daysBetween(s.today, d.dueDate) }))
}

function startWarning(daysUntilStart: number | null, unmet: number, warningDays: number): Message | null {
  if (daysUntilStart === null || unmet === 0 || daysUntilStart < 0 || daysUntilStart > warningDays) return null
  return daysUntilStart === 0
    ? { key: 'readiness.warning.startsToday', params: { count: unmet } }
    : { key: 'readiness.warning.startSoon', params: { days: daysUntilStart, count: unmet } }
}

/** The checklist of one campaign, each item checked, with the score and what comes next. */
export function evaluateReadiness(s: ReadinessSnapshot): CampaignReadiness {
  const items = [...s.checklist].sort((a, b) => a.position - b.position).map((item) => evaluateItem(item, s))
  const applicable = items.filter((i) => i.applicable).length
  const met = items.filter((i) => i.met).length
  const daysUntilStart = s.campaign.startDate ? daysBetween(s.today, s.campaign.startDate) : null
  return {
    items,
    score: { met, applicable, percent: applicable === 0 ? 100 : Math.floor((met * 100) / applicable) },
    daysUntilStart,
    warning: startWarning(daysUntilStart, applicable - met, s.campaign.warningDays),
    nextDeadlines: nextDeadlines(items, s),
  }
}
