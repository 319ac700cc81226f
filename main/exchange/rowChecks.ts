import { z } from 'zod'
import { calendarDate, longText, recordId, shortText } from '../../shared/domain/common'
import { custodyActions, custodySubjects } from '../../shared/domain/custody'
import { fileMetaInput } from '../../shared/domain/file'
import { checklistKinds, checklistStatuses } from '../../shared/readiness/checklist'
import { SestraError } from '../../shared/errors'
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

/**
 * A checker for the rows of each `records/<table>.json`, run as the bundle is
 * read, before any of its files is staged. Names the entry and the item; never
 * echoes a value (that is content).
 */
export function recordChecker(store: Store): (table: string, rows: unknown[]) => void {
  const checks = rowChecks(store)
  const tables = new Set(store.tableRows.tables())
  return (table, rows) => {
    if (!tables.has(table)) throw new SestraError('BUNDLE_NEWER_VERSION', `table ${table}`)
    const check = checks.get(table)
    if (!check) throw new SestraError('INTERNAL', `no checks for table ${table}`)
    rows.forEach((row, index) => {
      const where = `records/${table}.json item ${index + 1}`
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new SestraError('BUNDLE_INVALID', where)
      const problems = check(row as Record<string, unknown>)
      if (problems !== null) throw new SestraError('BUNDLE_INVALID', `${where}: ${problems}`)
    })
  }
}
