import type { BundleSelection } from '../../shared/bundle'
import { SestraError } from '../../shared/errors'
import type { Store } from '../store/records'
import type { Row } from '../store/tableRows'

/** SQL table name -> rows, for every data table (empty ones included). */
export type Selected = Map<string, Row[]>

const references = (row: Row) =>
  Object.entries(row).flatMap(([column, value]) => (column.endsWith('_id') && typeof value === 'string' ? [value] : []))

/**
 * The whole vault, chosen contact cards, or chosen campaigns and incidents with what belongs to
 * them: records linked to a chosen one (links and join tables such as a
 * campaign's participants), the family of included people, rows pointing at
 * an included record (a person's documents, a campaign's checklist, an
 * incident's chain of custody) and files attached to any of them. Join rows
 * and links travel when all their ends do. Allies stay home: they are this
 * vault's address book, not part of a campaign.
 */
export function selectRows(store: Store, selection: BundleSelection): Selected {
  const all: Selected = new Map(store.tableRows.tables().map((table) => [table, store.tableRows.rows(table)]))
  if (selection.kind === 'vault') return all

  const idsOf = (table: string) => new Set((all.get(table) ?? []).map((r) => r.id))
  const contacts = selection.contacts ?? []
  const missing = [
    ...selection.campaigns.filter((id) => !idsOf('campaigns').has(id)),
    ...selection.incidents.filter((id) => !idsOf('incidents').has(id)),
    ...contacts.filter((id) => !idsOf('contacts').has(id)),
  ]
  if (missing.length) throw new SestraError('NOT_FOUND')
  const chosen = new Set<unknown>([...selection.campaigns, ...selection.incidents])
  // A contact card is the contact alone: it does not pull in the campaigns it takes part in.
  const included = new Set<unknown>([...chosen, ...contacts])
  const links = all.get('links') ?? []
  const joinTables = [...all].filter(([table, rows]) => table !== 'links' && rows[0] && !('id' in rows[0]))
  const recordTables = [...all].filter(([table, rows]) => table !== 'links' && table !== 'allies' && rows[0] && 'id' in rows[0])

  for (const link of links) {
    if (chosen.has(link.from_id)) included.add(link.to_id)
    if (chosen.has(link.to_id)) included.add(link.from_id)
  }
  for (const [, rows] of joinTables) {
    for (const row of rows) if (references(row).some((id) => chosen.has(id))) references(row).forEach((id) => included.add(id))
  }
  for (let grown = true; grown; ) {
    grown = false
    // Family travels with a person (a participant's children need their passports too).
    for (const link of links) {
      if (link.from_type !== 'person' || link.to_type !== 'person') continue
      if (included.has(link.from_id) !== included.has(link.to_id)) {
        included.add(link.from_id).add(link.to_id)
        grown = true
      }
    }
    for (const [, rows] of recordTables) {
      for (const row of rows) {
        if (!included.has(row.id) && references(row).some((id) => included.has(id))) {
          included.add(row.id)
          grown = true
        }
      }
    }
  }
  for (const link of links) {
    if (link.to_type === 'file' && included.has(link.from_id)) included.add(link.to_id)
    if (link.from_type === 'file' && included.has(link.to_id)) included.add(link.from_id)
  }
  for (const [, rows] of joinTables) {
    for (const row of rows) if (typeof row.file_id === 'string' && references(row).some((id) => id !== row.file_id && included.has(id))) included.add(row.file_id)
  }

  const selected: Selected = new Map()
  for (const [table, rows] of all) {
    if (table === 'allies') selected.set(table, [])
    else if (table === 'links') selected.set(table, rows.filter((l) => included.has(l.from_id) && included.has(l.to_id)))
    else if (rows[0] && !('id' in rows[0])) selected.set(table, rows.filter((r) => references(r).every((id) => included.has(id))))
    else selected.set(table, rows.filter((r) => included.has(r.id)))
  }
  return selected
}
