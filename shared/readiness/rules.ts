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
  documents: (Pick<TravelDocumentFields, 'personId' | 'kind' | 'issuingCountry' | 'validFrom' | 'validUntil' | 'neededForTravel'> & {
    id: string
  })[]
  /** Contacts holding any role a rule looks for. */
  contacts: (Pick<ContactFields, 'name' | 'roles' | 'phones' | 'channels' | 'aroundTheClock' | 'speedDial'> & { id: string })[]
  /** Contact id -> the day they were briefed for this campaign. */
  briefings: Record<string, string>
}

/** The place in the app where the user can fix what a reason names. */
export type FixPlace =
  | { place: 'contact'; id: string; field: 'phones' | 'channels' | 'briefing' | 'aroundTheClock' | 'speedDial' }
  | { place: 'newContact'; role: CheckedRole }
  | { place: 'person'; id: string }
  | { place: 'document'; id: string }
  | { place: 'campaign'; field: 'pressContact' | 'endDate' | 'participants' }

export interface Reason extends Message {
  /** Absent for a manual item: its own status control is the fix. */
  fix?: FixPlace
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
  /**
   * Marked "done" by the user while the vault still sees a gap: the item
   * stays unmet and its reasons say what the vault sees.
   */
  markedDone: boolean
  /** Why it is not met, in order; empty when met or not applicable. */
  reasons: Reason[]
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

type Rule = (s: ReadinessSnapshot) => Reason[]
type Contact = ReadinessSnapshot['contacts'][number]
type CheckedRole = 'lawyer' | 'human_rights_org' | 'psychologist' | 'ally' | 'journalist'
type ContactField = Extract<FixPlace, { place: 'contact' }>['field']

interface Requirement {
  unmet(contact: Contact, s: ReadinessSnapshot): boolean
  reason: MessageKey
  field: ContactField
}

// A briefing dated in the future is a plan, not a briefing.
const briefed: Requirement = {
  unmet: (c, s) => !(c.id in s.briefings) || s.briefings[c.id]! > s.today,
  reason: 'readiness.contact.notBriefed',
  field: 'briefing',
}
const hasPhone: Requirement = { unmet: (c) => c.phones.length === 0, reason: 'readiness.contact.noPhone', field: 'phones' }
const reachable: Requirement = {
  unmet: (c) => c.phones.length === 0 && c.channels.length === 0,
  reason: 'readiness.contact.unreachable',
  field: 'channels',
}
const aroundTheClock: Requirement = {
  unmet: (c) => !c.aroundTheClock,
  reason: 'readiness.contact.notAroundTheClock',
  field: 'aroundTheClock',
}
const onSpeedDial: Requirement = { unmet: (c) => !c.speedDial, reason: 'readiness.contact.notOnSpeedDial', field: 'speedDial' }

/** Met when one contact with the role passes every requirement; else says what each one lacks. */
function contactRule(role: CheckedRole, requirements: Requirement[]): Rule {
  return (s) => {
    const candidates = s.contacts.filter((c) => c.roles.includes(role))
    if (candidates.length === 0) return [{ key: `readiness.contact.none.${role}`, fix: { place: 'newContact', role } }]
    const lacks = candidates.map((c) =>
      requirements
        .filter((r) => r.unmet(c, s))
        .map((r): Reason => ({ key: r.reason, params: { contact: c.name }, fix: { place: 'contact', id: c.id, field: r.field } })),
    )
    return lacks.some((l) => l.length === 0) ? [] : lacks.flat()
  }
}

const pressContactNamed: Rule = (s) =>
  s.campaign.pressContact.trim() ? [] : [{ key: 'readiness.pressContact.missing', fix: { place: 'campaign', field: 'pressContact' } }]

const allOf =
  (...rules: Rule[]): Rule =>
  (s) =>
    rules.flatMap((rule) => rule(s))

type Document = ReadinessSnapshot['documents'][number]

function passportReasons({ id, name: person }: ReadinessSnapshot['travellers'][number], passports: Document[], required: string): Reason[] {
  if (passports.length === 0) return [{ key: 'readiness.passport.missing', params: { person }, fix: { place: 'person', id } }]
  // Dual citizens need only one passport that lasts.
  if (passports.some((d) => d.validUntil !== null && d.validUntil >= required)) return []
  const dated = passports.filter((d) => d.validUntil !== null).sort((a, b) => b.validUntil!.localeCompare(a.validUntil!))
  const latest = dated[0]
  if (!latest) {
    const first = passports[0]!
    return [{ key: 'readiness.passport.noExpiry', params: { person, country: first.issuingCountry }, fix: { place: 'document', id: first.id } }]
  }
  return [
    {
      key: 'readiness.passport.expiresBeforeMargin',
      params: { person, country: latest.issuingCountry, until: latest.validUntil!, required },
      fix: { place: 'document', id: latest.id },
    },
  ]
}

function visaReasons(person: string, visa: Document, required: string, firstDay: string): Reason[] {
  const params = { person, country: visa.issuingCountry }
  const fix: FixPlace = { place: 'document', id: visa.id }
  const reasons: Reason[] = []
  if (visa.validFrom !== null && visa.validFrom > firstDay) {
    reasons.push({ key: 'readiness.visa.notYetValid', params: { ...params, from: visa.validFrom }, fix })
  }
  if (visa.validUntil === null) reasons.push({ key: 'readiness.visa.noExpiry', params, fix })
  else if (visa.validUntil < required) {
    reasons.push({ key: 'readiness.visa.expiresBeforeMargin', params: { ...params, until: visa.validUntil, required }, fix })
  }
  return reasons
}

const travelDocuments: Rule = (s) => {
  const { startDate, endDate, passportMarginMonths, visaMarginDays } = s.campaign
  if (!endDate) return [{ key: 'readiness.travel.noEndDate', fix: { place: 'campaign', field: 'endDate' } }]
  if (s.travellers.length === 0) return [{ key: 'readiness.travel.noParticipants', fix: { place: 'campaign', field: 'participants' } }]
  const passportUntil = addMonths(endDate, passportMarginMonths)
  const visaUntil = addDays(endDate, visaMarginDays)
  return s.travellers.flatMap((person) => {
    const own = s.documents.filter((d) => d.personId === person.id)
    return [
      ...passportReasons(person, own.filter((d) => d.kind === 'passport'), passportUntil),
      ...own
        .filter((d) => d.kind === 'visa' && d.neededForTravel)
        .flatMap((visa) => visaReasons(person.name, visa, visaUntil, startDate ?? endDate)),
    ]
  })
}

const rules: Partial<Record<ChecklistKind, Rule>> = {
  lawyer: contactRule('lawyer', [hasPhone, briefed, onSpeedDial]),
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
  const reasons: Reason[] = !applicable
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
    markedDone: rule !== undefined && item.status === 'done' && reasons.length > 0,
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
