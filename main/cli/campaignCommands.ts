import { localToday } from '../../shared/calendarDates'
import { isRealCalendarDate } from '../../shared/domain/common'
import type { TravelDocumentInput } from '../../shared/domain/travelDocument'
import { expiringQuery } from '../../shared/expiry'
import { formatMessage, type Message } from '../../shared/readiness/messages'
import { campaignReadiness, createCampaign } from '../store/campaigns'
import { expiringDocuments } from '../store/documentQueries'
import { createPerson } from '../store/people'
import { jsonOption as json, vaultOption as vault, type Command } from './command'
import { requireString, UsageError, withVault, type CliContext } from './context'

// Short words for the command line; the vault's own names on the right.
const documentKindsByWord = {
  passport: 'passport',
  visa: 'visa',
  id: 'national_id',
  residence: 'residence_permit',
} as const satisfies Record<string, TravelDocumentInput['kind']>

function optionalString(ctx: CliContext, name: string): string | undefined {
  const value = ctx.options[name]
  return typeof value === 'string' ? value : undefined
}

function requireDate(ctx: CliContext, name: string): string {
  const value = requireString(ctx, name)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealCalendarDate(value)) throw new UsageError(`--${name} expects YYYY-MM-DD`)
  return value
}

function optionalDate(ctx: CliContext, name: string): string | null {
  return optionalString(ctx, name) === undefined ? null : requireDate(ctx, name)
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
