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
import { IncidentRows } from '../store/incidentRows'
import { Table, type ListPage } from '../store/table'
import type { CustodyLog } from './custodyLog'

type Stored = Omit<Incident, keyof IncidentLinks>
type PersonLinks = Omit<IncidentLinks, 'fileIds'>

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
  readonly #rows: IncidentRows

  constructor(db: Database, custody: CustodyLog) {
    this.#db = db
    this.#custody = custody
    this.#table = new Table(db, { table: 'incidents', schema: incidentInput, orderBy: 'occurred_on, occurred_time, created_at, id' })
    this.#rows = new IncidentRows(db)
  }

  create(input: IncidentCreateInput, now = new Date()): Incident {
    const { personIds, perpetratorContactIds, witnessContactIds, fileIds, ...fields } = parse(incidentCreateInput, input)
    const links = { personIds, perpetratorContactIds, witnessContactIds, fileIds }
    this.#checkLinks(fields.campaignId, links)
    return this.#db.transaction(() => {
      const record = this.#table.create(fields, now)
      this.#rows.setPersonLinks(record.id, links)
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
    const found = this.#table.list({ ...this.#rows.filter(filter), ...page })
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
      this.#rows.setPersonLinks(id, links)
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
      if (!this.#rows.attachFile(incidentId, fileId, now)) return
      this.#custody.append('incident', incidentId, 'file_attached', { fileId, name: file.name, sha256: file.sha256 }, now)
      this.#custody.append('file', fileId, 'attached', { incidentId, title: incident.title }, now)
    })()
  }

  detachFile(incidentId: string, fileId: string, now = new Date()): void {
    this.#db.transaction(() => {
      const incident = this.#table.get(incidentId)
      const file = this.#file(fileId)
      if (!this.#rows.detachFile(incidentId, fileId)) return
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
    return this.#rows.ids()
  }

  #withLinks(record: Stored): Incident {
    return { ...record, ...this.#rows.links(record.id) }
  }

  /** A missing person, contact, campaign or file is the caller's mistake, named by field. */
  #checkLinks(campaignId: string | null, links: IncidentLinks): void {
    const missing = this.#rows.missingLink(campaignId, links)
    if (missing !== null) throw new SestraError('INVALID_INPUT', missing)
  }

  #file(id: string): { name: string; sha256: string } {
    const file = this.#rows.completeFile(id)
    if (!file) throw new SestraError('NOT_FOUND')
    return file
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
