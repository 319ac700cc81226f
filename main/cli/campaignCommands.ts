import { localToday } from '../../shared/calendarDates'
import type { TravelDocumentInput } from '../../shared/domain/travelDocument'
import { SestraError } from '../../shared/errors'
import { expiringQuery } from '../../shared/expiry'
import { checklistKinds, checklistStatuses } from '../../shared/readiness/checklist'
import { formatMessage, type Message } from '../../shared/readiness/messages'
import { updateCampaignInput, updateChecklistItemInput } from '../../shared/recordInputs'
import { campaignReadiness, createCampaign, updateCampaign } from '../store/campaigns'
import { expiringDocuments } from '../store/documentQueries'
import { createPerson } from '../store/people'
import type { Store } from '../store/records'
import { jsonOption as json, vaultOption as vault, type Command } from './command'
import { requireString, UsageError, withVault } from './context'
import { oneOf, optionalDate, optionalString, parseInput, requireDate } from './options'

// Short words for the command line; the vault's own names on the right.
const documentKindsByWord = {
  passport: 'passport',
  visa: 'visa',
  id: 'national_id',
  residence: 'residence_permit',
} as const satisfies Record<string, TravelDocumentInput['kind']>

const campaignId = { id: { type: 'string' } } as const

/** Adds or removes one participant, through the same update the app makes. */
function participantCommand(verb: 'add' | 'remove', help: string, change: (ids: Set<string>, person: string) => void): Command {
  return {
    name: `campaign participant ${verb}`,
    usage: `sestra campaign participant ${verb} --vault DIR --id CAMPAIGN_ID --person PERSON_ID`,
    help,
    options: { ...vault, ...campaignId, person: { type: 'string' } },
    async run(ctx) {
      const id = requireString(ctx, 'id')
      const person = requireString(ctx, 'person')
      await withVault(ctx, (v) =>
        v.store.transaction(() => {
          const ids = new Set(v.store.plans.participantIds(v.store.campaigns.get(id).id))
          change(ids, person)
          updateCampaign(v.store, parseInput(updateCampaignInput, { id, patch: {}, participantIds: [...ids] }))
        }),
      )
    },
  }
}

/** A standard item by its kind, or any item (a custom one too) by its id. */
function findItem(store: Store, campaign: string, item: string) {
  const items = store.plans.checklist(store.campaigns.get(campaign).id)
  const found = items.find((i) => i.id === item) ?? (item === 'custom' ? undefined : items.find((i) => i.kind === item))
  if (!found) throw new SestraError('NOT_FOUND', 'checklist item')
  return found
}

export const campaignCommands: Command[] = [
  {
    name: 'campaign add',
    usage: 'sestra campaign add --vault DIR --title T --start YYYY-MM-DD --end YYYY-MM-DD   (prints the id)',
    options: { ...vault, title: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' } },
    async run(ctx) {
      const input = { title: requireString(ctx, 'title'), startDate: requireDate(ctx, 'start'), endDate: requireDate(ctx, 'end') }
      const campaign = await withVault(ctx, (v) => createCampaign(v.store, input))
      ctx.stdout(campaign.id)
    },
  },
  {
    name: 'campaign set',
    usage: 'sestra campaign set --vault DIR --id ID [--press-contact CONTACT_ID] [--margin-months N]',
    help: [
      '--press-contact: the contact who answers press questions; allies and journalists are told this name.',
      '--margin-months: how long after the campaign ends passports must stay valid (0 to 60; 6 by default).',
    ].join('\n'),
    options: { ...vault, ...campaignId, 'press-contact': { type: 'string' }, 'margin-months': { type: 'string' } },
    async run(ctx) {
      const id = requireString(ctx, 'id')
      const pressContact = optionalString(ctx, 'press-contact')
      const margin = optionalString(ctx, 'margin-months')
      if (pressContact === undefined && margin === undefined) throw new UsageError('give --press-contact or --margin-months')
      if (margin !== undefined && !/^\d{1,2}$/.test(margin)) throw new UsageError('--margin-months expects a whole number of months')
      await withVault(ctx, (v) => {
        const patch = {
          ...(pressContact === undefined ? {} : { pressContact: v.store.contacts.get(pressContact).name }),
          ...(margin === undefined ? {} : { passportMarginMonths: Number(margin) }),
        }
        updateCampaign(v.store, parseInput(updateCampaignInput, { id, patch }))
      })
    },
  },
  participantCommand(
    'add',
    'Adds a person to the campaign. Readiness then checks the passports and visas of the person and of every child linked to them.',
    (ids, person) => ids.add(person),
  ),
  participantCommand('remove', 'Takes a person off the campaign. A person who is not a participant is an error (exit 1).', (ids, person) => {
    if (!ids.delete(person)) throw new SestraError('NOT_FOUND', 'participant')
  }),
  {
    name: 'checklist mark',
    usage: `sestra checklist mark --vault DIR --id CAMPAIGN_ID --item ${checklistKinds.filter((k) => k !== 'custom').join('|')}|ITEM_ID --status ${checklistStatuses.join('|')}`,
    help: 'Marks a checklist item by hand. Items the vault checks (a briefed lawyer, valid passports, ...) still show what the vault sees.',
    options: { ...vault, ...campaignId, item: { type: 'string' }, status: { type: 'string' } },
    async run(ctx) {
      const campaign = requireString(ctx, 'id')
      const item = requireString(ctx, 'item')
      const status = oneOf(requireString(ctx, 'status'), checklistStatuses, 'status')
      await withVault(ctx, (v) => {
        const input = parseInput(updateChecklistItemInput, { id: findItem(v.store, campaign, item).id, patch: { status } })
        v.store.plans.updateItem(input.id, input.patch)
      })
    },
  },
  {
    name: 'campaign readiness',
    usage: 'sestra campaign readiness --vault DIR --id ID [--json]',
    options: { ...vault, ...json, id: { type: 'string' } },
    async run(ctx) {
      const id = requireString(ctx, 'id')
      const readiness = await withVault(ctx, (v) => campaignReadiness(v.store, id, localToday()))
      const text = (message: Message) => formatMessage(message, ctx.language)
      const items = readiness.items.map((item) => ({
        id: item.id,
        kind: item.kind,
        title: text(item.title),
        status: item.status,
        applicable: item.applicable,
        met: item.met,
        reasons: item.reasons.map((r) => ({ ...r, text: text(r) })),
      }))
      const warning = readiness.warning && text(readiness.warning)
      if (ctx.options.json) {
        ctx.stdout(JSON.stringify({ score: readiness.score, daysUntilStart: readiness.daysUntilStart, warning, items }, null, 2))
        return
      }
      const mark = (i: (typeof items)[number]) => (!i.applicable ? '-' : i.met ? '✓' : '✗')
      ctx.stdout(
        [
          `${readiness.score.percent}% (${readiness.score.met}/${readiness.score.applicable})`,
          ...(warning ? [`! ${warning}`] : []),
          ...items.flatMap((i) => [`${mark(i)} ${i.title} [${i.status}]`, ...i.reasons.map((r) => `    ${r.text}`)]),
        ].join('\n'),
      )
    },
  },
  {
    name: 'person add',
    usage: 'sestra person add --vault DIR --name NAME [--birth YYYY-MM-DD] [--child-of ID]   (prints the id)',
    options: { ...vault, name: { type: 'string' }, birth: { type: 'string' }, 'child-of': { type: 'string' } },
    async run(ctx) {
      const parent = optionalString(ctx, 'child-of')
      const input = {
        name: requireString(ctx, 'name'),
        birthDate: optionalDate(ctx, 'birth'),
        ...(parent ? { relation: 'child' as const, childOf: [parent] } : {}),
      }
      const person = await withVault(ctx, (v) => createPerson(v.store, input))
      ctx.stdout(person.id)
    },
  },
  {
    name: 'document add',
    usage: `sestra document add --vault DIR --person ID --kind ${Object.keys(documentKindsByWord).join('|')} --country CC --expires YYYY-MM-DD [--number N]   (prints the id)`,
    options: {
      ...vault,
      person: { type: 'string' },
      kind: { type: 'string' },
      country: { type: 'string' },
      expires: { type: 'string' },
      number: { type: 'string' },
    },
    async run(ctx) {
      const word = requireString(ctx, 'kind')
      if (!Object.hasOwn(documentKindsByWord, word)) {
        throw new UsageError(`unknown kind "${word}"; one of: ${Object.keys(documentKindsByWord).join(', ')}`)
      }
      const input: TravelDocumentInput = {
        personId: requireString(ctx, 'person'),
        kind: documentKindsByWord[word as keyof typeof documentKindsByWord],
        issuingCountry: requireString(ctx, 'country'),
        validUntil: requireDate(ctx, 'expires'),
        number: optionalString(ctx, 'number') ?? '',
      }
      const document = await withVault(ctx, (v) => v.store.documents.create(input))
      ctx.stdout(document.id)
    },
  },
  {
    name: 'expiring',
    usage: 'sestra expiring --vault DIR --days N [--json]   (expired documents included)',
    options: { ...vault, ...json, days: { type: 'string' } },
    async run(ctx) {
      const days = requireString(ctx, 'days')
      if (!/^\d{1,4}$/.test(days)) throw new UsageError('--days expects a whole number of days')
      const query = { ...expiringQuery.parse({ withinDays: Number(days), today: localToday() }), limit: -1 }
      const { items } = await withVault(ctx, (v) => expiringDocuments(v.store, query))
      const rows = items.map((d) => ({
        id: d.id,
        personId: d.personId,
        person: d.personName,
        kind: d.kind,
        country: d.issuingCountry,
        number: d.number,
        validUntil: d.validUntil,
        daysLeft: d.daysLeft,
        band: d.band,
      }))
      if (ctx.options.json) ctx.stdout(JSON.stringify(rows, null, 2))
      else ctx.stdout(rows.map((r) => [r.validUntil, r.daysLeft, r.person, r.kind, r.country, r.number].join('\t')).join('\n'))
    },
  },
]
