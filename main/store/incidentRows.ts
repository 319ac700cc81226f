import type { IncidentFilter, IncidentLinks } from '../../shared/domain/incident'
import { z } from 'zod'
import type { Database } from '../vault/database'
import { optionalRow, texts } from './rows'

type PersonLinks = Omit<IncidentLinks, 'fileIds'>

const contactRoles = { perpetratorContactIds: 'perpetrator', witnessContactIds: 'witness' } as const
const linkTables = { personIds: 'people', perpetratorContactIds: 'contacts', witnessContactIds: 'contacts', fileIds: 'files' } as const

const fileRow = z.object({ name: z.string(), sha256: z.string() })

/**
 * The SQL behind incidents: their join tables (people, contacts, files) and
 * the timeline filter. The chain of custody stays with `IncidentStore`, which
 * calls these inside its own transactions.
 */
export class IncidentRows {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /** The timeline filter as a clause for `Table.list`. */
  filter(filter: IncidentFilter): { where?: string; params: string[] } {
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
    return { where: where.join(' AND ') || undefined, params }
  }

  /** False when the file was already attached. */
  attachFile(incidentId: string, fileId: string, at: Date): boolean {
    const added = this.#db
      .prepare('INSERT OR IGNORE INTO incident_files (incident_id, file_id, attached_at) VALUES (?, ?, ?)')
      .run([incidentId, fileId, at.toISOString()])
    return added.changes > 0
  }

  /** False when the file was not attached. */
  detachFile(incidentId: string, fileId: string): boolean {
    return this.#db.prepare('DELETE FROM incident_files WHERE incident_id = ? AND file_id = ?').run([incidentId, fileId]).changes > 0
  }

  /** Ids of every incident, for `verify`. */
  ids(): string[] {
    return texts(this.#db.prepare('SELECT id FROM incidents ORDER BY id', { pluck: true }).all())
  }

  links(id: string): IncidentLinks {
    const ids = (sql: string, ...params: string[]) => texts(this.#db.prepare(sql, { pluck: true }).all([id, ...params]))
    return {
      personIds: ids('SELECT person_id FROM incident_people WHERE incident_id = ? ORDER BY person_id'),
      perpetratorContactIds: ids('SELECT contact_id FROM incident_contacts WHERE incident_id = ? AND role = ? ORDER BY contact_id', 'perpetrator'),
      witnessContactIds: ids('SELECT contact_id FROM incident_contacts WHERE incident_id = ? AND role = ? ORDER BY contact_id', 'witness'),
      fileIds: ids('SELECT file_id FROM incident_files WHERE incident_id = ? ORDER BY attached_at, file_id'),
    }
  }

  /** Replaces the person and contact links (as sets). */
  setPersonLinks(id: string, links: PersonLinks): void {
    this.#db.prepare('DELETE FROM incident_people WHERE incident_id = ?').run([id])
    this.#db.prepare('DELETE FROM incident_contacts WHERE incident_id = ?').run([id])
    const person = this.#db.prepare('INSERT INTO incident_people (incident_id, person_id) VALUES (?, ?)')
    for (const personId of new Set(links.personIds)) person.run([id, personId])
    const contact = this.#db.prepare('INSERT INTO incident_contacts (incident_id, contact_id, role) VALUES (?, ?, ?)')
    for (const key of ['perpetratorContactIds', 'witnessContactIds'] as const) {
      for (const contactId of new Set(links[key])) contact.run([id, contactId, contactRoles[key]])
    }
  }

  /** The first field naming a campaign, person, contact or file that does not exist, or null. */
  missingLink(campaignId: string | null, links: IncidentLinks): 'campaignId' | keyof IncidentLinks | null {
    const exists = (table: string, id: string) => this.#db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`, { pluck: true }).get([id]) !== undefined
    if (campaignId !== null && !exists('campaigns', campaignId)) return 'campaignId'
    for (const key of ['personIds', 'perpetratorContactIds', 'witnessContactIds', 'fileIds'] as const) {
      if (links[key].some((linked) => !exists(linkTables[key], linked))) return key
    }
    return null
  }

  /** A completely imported file's name and hash, or null. */
  completeFile(id: string): { name: string; sha256: string } | null {
    return optionalRow(fileRow, this.#db.prepare('SELECT name, sha256 FROM files WHERE id = ? AND complete = 1').get([id])) ?? null
  }
}
