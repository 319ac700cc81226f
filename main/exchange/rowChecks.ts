import { z } from 'zod'
import { calendarDate, longText, recordId, shortText } from '../../shared/domain/common'
import { custodyActions, custodySubjects } from '../../shared/domain/custody'
import { fileMetaInput } from '../../shared/domain/file'
import type { RecordType } from '../../shared/domain/link'
import { checklistKinds, checklistStatuses } from '../../shared/readiness/checklist'
import { SestraError } from '../../shared/errors'
import { eachInTurns } from '../nextTurn'
import type { Store } from '../store/records'

/*
 * Rows in a bundle are SQL rows as stored. The database checks types, NOT
 * NULL and references; these checks add the domain rules every write in the
 * app goes through (an incident's kind, a real calendar date, a valid key),
 * so a bundle cannot put into a vault what the app itself would refuse.
 */

const stamp = z.iso.datetime()
const hex64 = z.string().regex(/^[0-9a-f]{64}$/)
/** Columns of every record table; unknown columns are left to the writer, which names them. */
const recordMeta = z.looseObject({ id: recordId, created_at: stamp, updated_at: stamp })

/** Tables with no Table of their own: their rules as the code that writes them keeps them. */
const rowSchemas: Record<string, z.ZodType> = {
  checklist_items: recordMeta.extend({
    campaign_id: recordId,
    kind: z.enum(checklistKinds),
    title: shortText,
    status: z.enum(checklistStatuses),
    notes: longText,
    due_date: calendarDate.nullable(),
    position: z.number().int().min(0),
  }),
  campaign_participants: z.looseObject({ campaign_id: recordId, person_id: recordId }),
  campaign_briefings: z.looseObject({ campaign_id: recordId, contact_id: recordId, briefed_on: calendarDate }),
  incident_people: z.looseObject({ incident_id: recordId, person_id: recordId }),
  incident_contacts: z.looseObject({ incident_id: recordId, contact_id: recordId, role: z.enum(['perpetrator', 'witness']) }),
  incident_files: z.looseObject({ incident_id: recordId, file_id: recordId, attached_at: stamp }),
  custody: z.looseObject({
    subject_type: z.enum(custodySubjects),
    subject_id: recordId,
    position: z.number().int().min(0),
    at: stamp,
    action: z.enum(custodyActions),
    detail: z.string().refine(isJsonObject, 'not a JSON object'),
    prev_hash: hex64.nullable(),
    hash: hex64,
  }),
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
  } catch {
    return false
  }
}

const problemsOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value)
  return parsed.success ? null : parsed.error.issues.map((i) => i.path.join('.')).join(', ')
}

type RowCheck = (row: Record<string, unknown>) => string | null

function rowChecks(store: Store): Map<string, RowCheck> {
  const tables = { campaigns: store.campaigns, people: store.people, documents: store.documents, contacts: store.contacts, links: store.links, allies: store.allies, incidents: store.incidents }
  const checks = new Map<string, RowCheck>()
  for (const [name, table] of Object.entries(tables)) {
    checks.set(name, (row) => problemsOf(recordMeta, row) ?? table.rowProblems(row))
  }
  for (const [name, schema] of Object.entries(rowSchemas)) checks.set(name, (row) => problemsOf(schema, row))
  checks.set(
    'files',
    (row) => problemsOf(recordMeta, row) ?? problemsOf(fileMetaInput, { name: row.name, mime: row.mime, modifiedAt: row.modified_at }),
  )
  return checks
}

/** Tables the vault has but no check covers: must stay empty (a test holds it so). */
export const uncheckedTables = (store: Store) => {
  const checks = rowChecks(store)
  return store.tableRows.tables().filter((table) => !checks.has(table))
}

const tableOf: Record<RecordType, string> = {
  campaign: 'campaigns',
  person: 'people',
  document: 'documents',
  contact: 'contacts',
  incident: 'incidents',
  file: 'files',
}
const recordTables = new Set(Object.values(tableOf))

/**
 * The checks that need every table of the bundle: an id belongs to one record
 * type only (in the bundle and in the vault), and a link joins two records
 * that exist (in the bundle or in the vault). Links have no foreign key of
 * their own, since either end may be of any type.
 */
class CrossChecks {
  readonly #store: Store
  readonly #owner = new Map<string, string>()
  readonly #links: { where: string; ends: [unknown, unknown][] }[] = []

  constructor(store: Store) {
    this.#store = store
  }

  async take(table: string, rows: Record<string, unknown>[]): Promise<void> {
    await eachInTurns(rows, (row, index) => {
      const where = `records/${table}.json item ${index + 1}`
      if (table === 'links') {
        this.#links.push({ where, ends: [[row.from_type, row.from_id], [row.to_type, row.to_id]] })
        return
      }
      if (!recordTables.has(table)) return
      const id = String(row.id)
      const other = this.#owner.get(id) ?? [...recordTables].find((t) => t !== table && this.#store.tableRows.has(t, id))
      if (other !== undefined && other !== table) throw new SestraError('BUNDLE_INVALID', `${where}: id also a record of ${other}`)
      this.#owner.set(id, table)
    })
  }

  finish(): void {
    for (const { where, ends } of this.#links) {
      for (const [type, id] of ends) {
        const table = tableOf[type as RecordType]
        const known = this.#owner.get(String(id)) === table || this.#store.tableRows.has(table, String(id))
        if (!known) throw new SestraError('BUNDLE_INVALID', `${where}: references a record that does not exist`)
      }
    }
  }
}

/** Checks each `records/<table>.json` as it is read, the event loop turning between slices of rows; `finish` then checks across tables, before anything is written. */
export type RecordChecker = ((table: string, rows: unknown[]) => Promise<void>) & { finish(): void }

/**
 * A checker for the rows of each `records/<table>.json`, run as the bundle is
 * read, before any of its files is staged. Names the entry and the item; never
 * echoes a value (that is content).
 */
export function recordChecker(store: Store): RecordChecker {
  const checks = rowChecks(store)
  const tables = new Set(store.tableRows.tables())
  const across = new CrossChecks(store)
  const check = async (table: string, rows: unknown[]) => {
    if (!tables.has(table)) throw new SestraError('BUNDLE_NEWER_VERSION', `table ${table}`)
    const rowCheck = checks.get(table)
    if (!rowCheck) throw new SestraError('INTERNAL', `no checks for table ${table}`)
    await eachInTurns(rows, (row, index) => {
      const where = `records/${table}.json item ${index + 1}`
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new SestraError('BUNDLE_INVALID', where)
      const problems = rowCheck(row as Record<string, unknown>)
      if (problems !== null) throw new SestraError('BUNDLE_INVALID', `${where}: ${problems}`)
    })
    await across.take(table, rows as Record<string, unknown>[])
  }
  return Object.assign(check, { finish: () => across.finish() })
}
