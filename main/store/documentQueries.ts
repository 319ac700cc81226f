import type { z } from 'zod'
import { localToday } from '../../shared/calendarDates'
import { expiryHorizon, expiryState, type expiringQuery } from '../../shared/expiry'
import type { listDocumentsInput } from '../../shared/recordInputs'
import type { ExpiringDocument, TravelDocument } from '../../shared/recordViews'
import type { ListPage } from './table'
import type { Store } from './records'

function filters(input: { personId?: string | undefined; kind?: string | undefined }) {
  const clauses: [string, string | undefined][] = [
    ['person_id = ?', input.personId],
    ['kind = ?', input.kind],
  ]
  const given = clauses.filter((clause): clause is [string, string] => clause[1] !== undefined)
  return { where: given.map(([clause]) => clause), params: given.map(([, value]) => value) }
}

/** Ordered by expiry, as the family view shows them. */
export function listDocuments(store: Store, input: z.output<typeof listDocumentsInput>): ListPage<TravelDocument> {
  const { where, params } = filters(input)
  return store.documents.list({
    limit: input.limit,
    offset: input.offset,
    ...(where.length ? { where: where.join(' AND '), params } : {}),
  })
}

/**
 * Documents expired or expiring within `withinDays` of today, soonest first:
 * a range scan on the valid_until index, then one lookup for the page's names.
 */
export function expiringDocuments(
  store: Store,
  input: z.output<typeof expiringQuery>,
): ListPage<ExpiringDocument> {
  const today = input.today ?? localToday()
  const { where, params } = filters(input)
  const page = store.documents.list({
    limit: input.limit,
    offset: input.offset,
    where: ['valid_until IS NOT NULL', 'valid_until <= ?', ...where].join(' AND '),
    params: [expiryHorizon(today, input.withinDays), ...params],
  })
  const personIds = [...new Set(page.items.map((d) => d.personId))]
  const names = new Map(
    personIds.length === 0
      ? []
      : store.people
          .list({ where: `id IN (${personIds.map(() => '?').join(', ')})`, params: personIds })
          .items.map((p) => [p.id, p.name]),
  )
  return {
    total: page.total,
    items: page.items.map((d) => ({ ...d, personName: names.get(d.personId) ?? '', ...expiryState(d.validUntil!, today) })),
  }
}
