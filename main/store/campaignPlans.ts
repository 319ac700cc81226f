import { randomUUID } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import type { ChecklistItemPatch, CustomChecklistItemInput } from '../../shared/domain/checklistItem'
import { customChecklistItemInput } from '../../shared/domain/checklistItem'
import { contactInput } from '../../shared/domain/contact'
import { checklistKinds, checklistStatuses, standardChecklist, type ChecklistItem } from '../../shared/readiness/checklist'
import type { ReadinessSnapshot } from '../../shared/readiness/rules'
import { travelNeed, type TravelNeed } from '../../shared/travelNeeds'
import { z } from 'zod'
import { documentKinds } from '../../shared/domain/travelDocument'
import type { Database } from '../vault/database'
import { jsonColumn, optionalRow, parseRow, parseRows, texts } from './rows'

/** An INTEGER 0/1 column. */
const flag = z.number().transform((value) => value === 1)
const briefingRow = z.object({ contactId: z.string(), briefedOn: z.string() })
const travellerRow = z.object({ id: z.string(), name: z.string() })
const travelDocumentRow = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(documentKinds),
  issuingCountry: z.string(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  neededForTravel: flag,
})
const travelNeedRow = z.object({
  personId: z.string(),
  campaignId: z.string(),
  title: z.string(),
  endDate: z.string(),
  passportMarginMonths: z.number(),
  visaMarginDays: z.number(),
  latestPassport: z.string().nullable(),
})

const snapshotContactRow = z.object({
  id: z.string(),
  name: z.string(),
  roles: jsonColumn(contactInput.shape.roles),
  phones: jsonColumn(contactInput.shape.phones),
  channels: jsonColumn(contactInput.shape.channels),
  aroundTheClock: flag,
  speedDial: flag,
})

// Roles some readiness rule looks at; other contacts never enter a snapshot.
const checkedRoles = ['lawyer', 'human_rights_org', 'psychologist', 'ally', 'journalist']

const itemRow = z.object({
  id: z.string(),
  campaignId: z.string(),
  kind: z.enum(checklistKinds),
  title: z.string(),
  status: z.enum(checklistStatuses),
  notes: z.string(),
  dueDate: z.string().nullable(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<ChecklistItem>
const itemColumns = `id, campaign_id AS campaignId, kind, title, status, notes, due_date AS dueDate, position,
  created_at AS createdAt, updated_at AS updatedAt`

/**
 * The parts of a campaign that are rows of their own: the checklist, the
 * participants and who was briefed. The campaign row itself is a Table.
 */
export class CampaignPlans {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  checklist(campaignId: string): ChecklistItem[] {
    const rows = this.#db.prepare(`SELECT ${itemColumns} FROM checklist_items WHERE campaign_id = ? ORDER BY position, created_at`).all([campaignId])
    return parseRows(itemRow, rows)
  }

  addStandardChecklist(campaignId: string, now = new Date()): void {
    standardChecklist.forEach((kind, position) => this.#insertItem(campaignId, kind, '', position, '', null, now))
  }

  addCustomItem(campaignId: string, input: CustomChecklistItemInput, now = new Date()): ChecklistItem {
    const parsed = customChecklistItemInput.safeParse(input)
    if (!parsed.success) throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
    const next = parseRow(
      z.number(),
      this.#db.prepare('SELECT coalesce(max(position) + 1, 0) FROM checklist_items WHERE campaign_id = ?', { pluck: true }).get([campaignId]),
    )
    const { title, notes, dueDate } = parsed.data
    return this.getItem(this.#insertItem(campaignId, 'custom', title, next, notes, dueDate, now))
  }

  #insertItem(
    campaignId: string,
    kind: ChecklistItem['kind'],
    title: string,
    position: number,
    notes: string,
    dueDate: string | null,
    now: Date,
  ): string {
    const id = randomUUID()
    const stamp = now.toISOString()
    this.#db
      .prepare(
        `INSERT INTO checklist_items (id, campaign_id, kind, title, status, notes, due_date, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
      )
      .run([id, campaignId, kind, title, notes, dueDate, position, stamp, stamp])
    return id
  }

  getItem(id: string): ChecklistItem {
    const item = optionalRow(itemRow, this.#db.prepare(`SELECT ${itemColumns} FROM checklist_items WHERE id = ?`).get([id]))
    if (!item) throw new SestraError('NOT_FOUND')
    return item
  }

  /** The patch is parsed by the caller's schema; standard items keep their translated title. */
  updateItem(id: string, patch: ChecklistItemPatch, now = new Date()): ChecklistItem {
    const item = this.getItem(id)
    if (patch.title !== undefined && item.kind !== 'custom') throw new SestraError('INVALID_INPUT', 'title')
    const next = { ...item, ...patch, updatedAt: now.toISOString() }
    this.#db
      .prepare('UPDATE checklist_items SET title = ?, status = ?, notes = ?, due_date = ?, updated_at = ? WHERE id = ?')
      .run([next.title, next.status, next.notes, next.dueDate, next.updatedAt, id])
    return next
  }

  /** Only the user's own items go; a standard one that does not apply is marked not applicable. */
  deleteItem(id: string): void {
    if (this.getItem(id).kind !== 'custom') throw new SestraError('INVALID_INPUT', 'kind')
    this.#db.prepare('DELETE FROM checklist_items WHERE id = ?').run([id])
  }

  participantIds(campaignId: string): string[] {
    return texts(
      this.#db.prepare('SELECT person_id FROM campaign_participants WHERE campaign_id = ? ORDER BY person_id', { pluck: true }).all([campaignId]),
    )
  }

  /** Replaces the list; an id that is not a person fails the foreign key and changes nothing. */
  setParticipants(campaignId: string, personIds: readonly string[]): void {
    this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM campaign_participants WHERE campaign_id = ?').run([campaignId])
      const insert = this.#db.prepare('INSERT OR IGNORE INTO campaign_participants (campaign_id, person_id) VALUES (?, ?)')
      for (const personId of personIds) insert.run([campaignId, personId])
    })()
  }

  briefings(campaignId: string): { contactId: string; briefedOn: string }[] {
    return parseRows(
      briefingRow,
      this.#db
        .prepare('SELECT contact_id AS contactId, briefed_on AS briefedOn FROM campaign_briefings WHERE campaign_id = ? ORDER BY briefed_on')
        .all([campaignId]),
    )
  }

  setBriefing(campaignId: string, contactId: string, briefedOn: string | null): void {
    if (briefedOn === null) {
      this.#db.prepare('DELETE FROM campaign_briefings WHERE campaign_id = ? AND contact_id = ?').run([campaignId, contactId])
      return
    }
    this.#db
      .prepare(
        `INSERT INTO campaign_briefings (campaign_id, contact_id, briefed_on) VALUES (?, ?, ?)
         ON CONFLICT (campaign_id, contact_id) DO UPDATE SET briefed_on = excluded.briefed_on`,
      )
      .run([campaignId, contactId, briefedOn])
  }

  /**
   * The records readiness depends on, for one campaign, in a handful of
   * indexed queries: cost follows the campaign's size, not the vault's.
   */
  snapshotRows(campaignId: string): Omit<ReadinessSnapshot, 'today' | 'campaign'> {
    const travellerRows = this.#db
      .prepare(
        `SELECT p.id, p.name FROM people p WHERE p.id IN (
           SELECT person_id FROM campaign_participants WHERE campaign_id = $campaignId
           UNION
           -- Participants first, then links by their target: a few index lookups
           -- instead of a scan of every person's links.
           SELECT l.from_id FROM campaign_participants cp CROSS JOIN links l INDEXED BY links_to
             ON l.to_type = 'person' AND l.to_id = cp.person_id
           WHERE cp.campaign_id = $campaignId AND l.kind = 'child_of' AND l.from_type = 'person')
         ORDER BY p.name COLLATE NOCASE`,
      )
      .all({ campaignId })
    const travellers = parseRows(travellerRow, travellerRows)
    const documentRows = this.#db
      .prepare(
        `SELECT id, person_id AS personId, kind, issuing_country AS issuingCountry, valid_from AS validFrom,
                valid_until AS validUntil, needed_for_travel AS neededForTravel
         FROM documents
         WHERE person_id IN (${travellers.map(() => '?').join(', ')}) AND +kind IN ('passport', 'visa')`,
      )
      // The unary + keeps the planner on the person index: by kind it would read every passport.
      .all(travellers.map((t) => t.id))
    const documents = parseRows(travelDocumentRow, documentRows)
    const contactRows = this.#db
      .prepare(
        `SELECT id, name, roles, phones, channels, around_the_clock AS aroundTheClock, speed_dial AS speedDial FROM contacts
         WHERE EXISTS (SELECT 1 FROM json_each(contacts.roles) WHERE value IN (SELECT value FROM json_each(?)))
         ORDER BY name COLLATE NOCASE, id`,
      )
      .all([JSON.stringify(checkedRoles)])
    const contacts = parseRows(snapshotContactRow, contactRows)
    const briefings = Object.fromEntries(this.briefings(campaignId).map((b) => [b.contactId, b.briefedOn]))
    return { checklist: this.checklist(campaignId), travellers, documents, contacts, briefings }
  }

  /**
   * Every traveller of every campaign not yet over (neither finished nor
   * cancelled, ending today or later): participants and their children, as
   * the readiness snapshot finds them.
   */
  travelNeeds(today: string): TravelNeed[] {
    const rows = this.#db
      .prepare(
        `SELECT t.person_id AS personId, c.id AS campaignId, c.title, c.end_date AS endDate,
                c.passport_margin_months AS passportMarginMonths, c.visa_margin_days AS visaMarginDays,
                (SELECT max(valid_until) FROM documents d WHERE d.person_id = t.person_id AND d.kind = 'passport') AS latestPassport
         FROM campaigns c JOIN (
           SELECT campaign_id, person_id FROM campaign_participants
           UNION
           SELECT cp.campaign_id, l.from_id FROM campaign_participants cp CROSS JOIN links l INDEXED BY links_to
             ON l.to_type = 'person' AND l.to_id = cp.person_id
           WHERE l.kind = 'child_of' AND l.from_type = 'person'
         ) t ON t.campaign_id = c.id
         WHERE c.end_date >= ? AND c.status NOT IN ('finished', 'cancelled')
         ORDER BY c.end_date, c.title`,
      )
      .all([today])
    return parseRows(travelNeedRow, rows).map(travelNeed)
  }
}
