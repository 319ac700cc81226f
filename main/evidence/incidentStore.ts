import { SestraError } from '../../shared/errors'
import {
  incidentCreateInput,
  incidentInput,
  incidentPatchInput,
  type Incident,
  type IncidentCreateInput,
  type IncidentFields,
  type IncidentFilter,
  type IncidentLinks,
  type IncidentPatchInput,
} from '../../shared/domain/incident'
import type { CustodyEntry } from '../../shared/domain/custody'
import type { Database } from '../vault/database'
import { Table, type ListPage } from '../store/table'
import type { CustodyLog } from './custodyLog'

type Stored = Omit<Incident, keyof IncidentLinks>
type PersonLinks = Omit<IncidentLinks, 'fileIds'>

const linkKeys = ['personIds', 'perpetratorContactIds', 'witnessContactIds'] as const
const contactRoles = { perpetratorContactIds: 'perpetrator', witnessContactIds: 'witness' } as const

/**
 * What `verify` replays: every field but the campaign, which the schema may
 * clear on its own when a campaign is deleted (ON DELETE SET NULL).
 */
export function incidentState(fields: IncidentFields): Record<string, unknown> {
  const { campaignId: _campaign, ...state } = fields
  return state
}

/**
 * Incidents with their links and their chain of custody. Every change goes
 * through here, so no write can skip the log: `created` holds the full
 * original, `edited` holds old and new values, and the row only ever holds
 * the current state.
 */
export class IncidentStore {
  readonly #db: Database
  readonly #custody: CustodyLog
  readonly #table: Table<typeof incidentInput>

  constructor(db: Database, custody: CustodyLog) {
    this.#db = db
    this.#custody = custody
    this.#table = new Table(db, { table: 'incidents', schema: incidentInput, orderBy: 'occurred_on, occurred_time, created_at, id' })
  }

  create(input: IncidentCreateInput, now = new Date()): Incident {
    const { personIds, perpetratorContactIds, witnessContactIds, fileIds, ...fields } = parse(incidentCreateInput, input)
    const links = { personIds, perpetratorContactIds, witnessContactIds, fileIds }
    this.#checkLinks(fields.campaignId, links)
    return this.#db.transaction(() => {
      const record = this.#table.create(fields, now)
      this.#setPersonLinks(record.id, links)
      const detail = { fields: incidentState(pickFields(record)), links: { campaignId: record.campaignId, ...pickLinks(links) } }
      this.#custody.append('incident', record.id, 'created', detail, now)
      for (const fileId of unique(fileIds)) this.attachFile(record.id, fileId, now)
      return this.get(record.id)
    })()
  }

  /** See Table.rowProblems: an incident row from a bundle, checked against the incident schema. */
  rowProblems(row: Record<string, unknown>): string | null {
    return this.#table.rowProblems(row)
  }

  get(id: string): Incident {
    return this.#withLinks(this.#table.get(id))
  }

  /** The timeline: chronological, filtered, paged. */
  list(filter: IncidentFilter = {}, page: { limit?: number; offset?: number } = {}): ListPage<Incident> {
    const where: string[] = []
    const params: string[] = []
    const add = (sql: string, ...values: string[]) => {
      where.push(sql)
      params.push(...values)
    }
    if (filter.campaignId) add('campaign_id = ?', filter.campaignId)
    if (filter.personId) add('id IN (SELECT incident_id FROM incident_people WHERE person_id = ?)', filter.personId)
    if (filter.contactId) add('id IN (SELECT incident_id FROM incident_contacts WHERE contact_id = ?)', filter.contactId)
    if (filter.kinds) add(filter.kinds.length ? `kind IN (${filter.kinds.map(() => '?').join(', ')})` : '0', ...filter.kinds)
    if (filter.from) add('occurred_on >= ?', filter.from)
    if (filter.to) add('occurred_on <= ?', filter.to)
    const found = this.#table.list({ where: where.join(' AND ') || undefined, params, ...page })
    return { items: found.items.map((r) => this.#withLinks(r)), total: found.total }
  }

  update(id: string, patch: IncidentPatchInput, now = new Date()): Incident {
    const parsed = parse(incidentPatchInput, patch)
    return this.#db.transaction(() => {
      const before = this.get(id)
      const { personIds, perpetratorContactIds, witnessContactIds, fileIds, ...fieldPatch } = parsed
      const links = {
        personIds: personIds ?? before.personIds,
        perpetratorContactIds: perpetratorContactIds ?? before.perpetratorContactIds,
        witnessContactIds: witnessContactIds ?? before.witnessContactIds,
      }
      this.#checkLinks(fieldPatch.campaignId === undefined ? before.campaignId : fieldPatch.campaignId, { ...links, fileIds: fileIds ?? [] })
      const after = { ...pickFields(this.#table.update(id, fieldPatch, now)), ...links }
      this.#setPersonLinks(id, links)
      const edited = {
        fields: changes(incidentState(pickFields(before)), incidentState(pickFields(after))),
        links: changes({ campaignId: before.campaignId, ...pickLinks(before) }, { campaignId: after.campaignId, ...pickLinks(after) }),
      }
      if (Object.keys(edited.fields).length || Object.keys(edited.links).length) {
        this.#custody.append('incident', id, 'edited', edited, now)
      }
      if (fileIds) {
        const wanted = new Set(fileIds)
        for (const old of before.fileIds) if (!wanted.has(old)) this.detachFile(id, old, now)
        for (const fileId of unique(fileIds)) if (!before.fileIds.includes(fileId)) this.attachFile(id, fileId, now)
      }
      return this.get(id)
    })()
  }

  /** A note beside the record: the original stays as it was. */
  annotate(id: string, text: string, now = new Date()): CustodyEntry {
    this.#table.get(id)
    return this.#custody.append('incident', id, 'annotated', { text }, now)
  }

  attachFile(incidentId: string, fileId: string, now = new Date()): void {
    this.#db.transaction(() => {
      const incident = this.#table.get(incidentId)
      const file = this.#file(fileId)
      const added = this.#db
        .prepare('INSERT OR IGNORE INTO incident_files (incident_id, file_id, attached_at) VALUES (?, ?, ?)')
        .run([incidentId, fileId, now.toISOString()])
      if (added.changes === 0) return
      this.#custody.append('incident', incidentId, 'file_attached', { fileId, name: file.name, sha256: file.sha256 }, now)
      this.#custody.append('file', fileId, 'attached', { incidentId, title: incident.title }, now)
    })()
  }

  detachFile(incidentId: string, fileId: string, now = new Date()): void {
    this.#db.transaction(() => {
      const incident = this.#table.get(incidentId)
      const file = this.#file(fileId)
      const removed = this.#db.prepare('DELETE FROM incident_files WHERE incident_id = ? AND file_id = ?').run([incidentId, fileId])
      if (removed.changes === 0) return
      this.#custody.append('incident', incidentId, 'file_detached', { fileId, name: file.name, sha256: file.sha256, reason: 'detached' }, now)
      this.#custody.append('file', fileId, 'detached', { incidentId, title: incident.title }, now)
    })()
  }

  /** The incident and its chain go; each attached file's chain notes it. */
  delete(id: string, now = new Date()): void {
    this.#db.transaction(() => {
      const incident = this.get(id)
      for (const fileId of incident.fileIds) {
        this.#custody.append('file', fileId, 'detached', { incidentId: id, title: incident.title, reason: 'incident deleted' }, now)
      }
      this.#table.delete(id)
    })()
  }

  count(): number {
    return this.#table.count()
  }

  /** Ids of every incident, for `verify`. */
  ids(): string[] {
    return this.#db.prepare('SELECT id FROM incidents ORDER BY id', { pluck: true }).all() as string[]
  }

  #withLinks(record: Stored): Incident {
    const ids = (sql: string, ...params: string[]) => this.#db.prepare(sql, { pluck: true }).all([record.id, ...params]) as string[]
    return {
      ...record,
      personIds: ids('SELECT person_id FROM incident_people WHERE incident_id = ? ORDER BY person_id'),
      perpetratorContactIds: ids('SELECT contact_id FROM incident_contacts WHERE incident_id = ? AND role = ? ORDER BY contact_id', 'perpetrator'),
      witnessContactIds: ids('SELECT contact_id FROM incident_contacts WHERE incident_id = ? AND role = ? ORDER BY contact_id', 'witness'),
      fileIds: ids('SELECT file_id FROM incident_files WHERE incident_id = ? ORDER BY attached_at, file_id'),
    }
  }

  #setPersonLinks(id: string, links: PersonLinks): void {
    this.#db.prepare('DELETE FROM incident_people WHERE incident_id = ?').run([id])
    this.#db.prepare('DELETE FROM incident_contacts WHERE incident_id = ?').run([id])
    const person = this.#db.prepare('INSERT INTO incident_people (incident_id, person_id) VALUES (?, ?)')
    for (const personId of unique(links.personIds)) person.run([id, personId])
    const contact = this.#db.prepare('INSERT INTO incident_contacts (incident_id, contact_id, role) VALUES (?, ?, ?)')
    for (const key of ['perpetratorContactIds', 'witnessContactIds'] as const) {
      for (const contactId of unique(links[key])) contact.run([id, contactId, contactRoles[key]])
    }
  }

  /** A missing person, contact, campaign or file is the caller's mistake, named by field. */
  #checkLinks(campaignId: string | null, links: IncidentLinks): void {
    const exists = (table: string, id: string) => this.#db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`, { pluck: true }).get([id]) !== undefined
    if (campaignId !== null && !exists('campaigns', campaignId)) throw new SestraError('INVALID_INPUT', 'campaignId')
    const tables = { personIds: 'people', perpetratorContactIds: 'contacts', witnessContactIds: 'contacts', fileIds: 'files' } as const
    for (const key of [...linkKeys, 'fileIds'] as const) {
      if (links[key].some((linked) => !exists(tables[key], linked))) throw new SestraError('INVALID_INPUT', key)
    }
  }

  #file(id: string): { name: string; sha256: string } {
    const row = this.#db.prepare('SELECT name, sha256 FROM files WHERE id = ? AND complete = 1').get([id]) as
      | { name: string; sha256: string }
      | undefined
    if (!row) throw new SestraError('NOT_FOUND')
    return row
  }
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } } }, input: unknown): T {
  const parsed = schema.safeParse(input)
  if (!parsed.success) throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
  return parsed.data
}

function pickFields(record: IncidentFields): IncidentFields {
  const keys = Object.keys(incidentInput.shape) as (keyof IncidentFields)[]
  return Object.fromEntries(keys.map((k) => [k, record[k]])) as IncidentFields
}

/** Person and contact links as sets: sorted and without repeats, as the join tables hold them. */
function pickLinks(incident: PersonLinks): PersonLinks {
  const set = (ids: string[]) => unique(ids).sort()
  return {
    personIds: set(incident.personIds),
    perpetratorContactIds: set(incident.perpetratorContactIds),
    witnessContactIds: set(incident.witnessContactIds),
  }
}

/** `{ field: { old, new } }` for each field whose value differs. */
export function changes(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { old: unknown; new: unknown }> {
  const out: Record<string, { old: unknown; new: unknown }> = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = { old: before[key] ?? null, new: after[key] ?? null }
  }
  return out
}

const unique = (ids: string[]) => [...new Set(ids)]
