import { randomUUID } from 'node:crypto'
import { standardChecklist } from '../../../shared/readiness/checklist'
import type { Database } from '../database'
import type { Migration } from './types'

const timestamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`
const cascade = (table: string) => `REFERENCES ${table}(id) ON DELETE CASCADE`

const joined = (row: string, columns: string[]) => columns.map((c) => `${row}.${c}`).join(` || ' ' || `)

/**
 * What the search index holds for each record type: a title (names) and a
 * body (notes and the rest). Defined here rather than in code that runs later
 * because the triggers are schema and must stay as this migration made them.
 */
const indexed = [
  { type: 'campaign', table: 'campaigns', title: ['title'], body: ['goals', 'notes'] },
  { type: 'person', table: 'people', title: ['name'], body: ['notes'] },
  { type: 'document', table: 'documents', title: ['kind', 'issuing_country'], body: ['number', 'visa_type', 'notes'] },
  { type: 'contact', table: 'contacts', title: ['name'], body: ['organisation', 'phones', 'notes'] },
  { type: 'incident', table: 'incidents', title: ['title'], body: ['place', 'perpetrators', 'witnesses', 'description'] },
]

function searchTriggers(spec: (typeof indexed)[number]): string {
  const rowOf = (ref: string) =>
    `(SELECT rowid FROM search_rows WHERE record_type = '${spec.type}' AND record_id = ${ref}.id)`
  const text = (ref: string) => `${joined(ref, spec.title)}, ${joined(ref, spec.body)}`
  return `
    CREATE TRIGGER ${spec.table}_search_insert AFTER INSERT ON ${spec.table} BEGIN
      INSERT INTO search_rows (record_type, record_id) VALUES ('${spec.type}', new.id);
      INSERT INTO search_index (rowid, title, body) VALUES (last_insert_rowid(), ${text('new')});
    END;
    CREATE TRIGGER ${spec.table}_search_update AFTER UPDATE ON ${spec.table} BEGIN
      UPDATE search_index SET (title, body) = (${text('new')}) WHERE rowid = ${rowOf('new')};
    END;
    CREATE TRIGGER ${spec.table}_search_delete AFTER DELETE ON ${spec.table} BEGIN
      DELETE FROM search_index WHERE rowid = ${rowOf('old')};
      DELETE FROM search_rows WHERE record_type = '${spec.type}' AND record_id = old.id;
    END;
    INSERT INTO search_rows (record_type, record_id) SELECT '${spec.type}', id FROM ${spec.table};
    INSERT INTO search_index (rowid, title, body)
      SELECT s.rowid, ${text('r')} FROM ${spec.table} r
      JOIN search_rows s ON s.record_type = '${spec.type}' AND s.record_id = r.id;
  `
}

/** Campaigns made before this version get the same eight items a new one gets. */
function backfillChecklists(db: Database): void {
  const campaigns = db.prepare('SELECT id FROM campaigns', { pluck: true }).all() as string[]
  const insert = db.prepare(
    `INSERT INTO checklist_items (id, campaign_id, kind, title, status, notes, due_date, position, created_at, updated_at)
     VALUES (?, ?, ?, '', 'open', '', NULL, ?, ?, ?)`,
  )
  const stamp = new Date().toISOString()
  for (const campaignId of campaigns) {
    standardChecklist.forEach((kind, position) => insert.run([randomUUID(), campaignId, kind, position, stamp, stamp]))
  }
}

export const migration002: Migration = {
  version: 2,
  name: 'campaign readiness, travel documents, briefings and search',
  up(db) {
    db.exec(`
      ALTER TABLE campaigns ADD COLUMN passport_margin_months INTEGER NOT NULL DEFAULT 6;
      ALTER TABLE campaigns ADD COLUMN warning_days INTEGER NOT NULL DEFAULT 14;
      ALTER TABLE campaigns ADD COLUMN visa_margin_days INTEGER NOT NULL DEFAULT 30;
      ALTER TABLE campaigns ADD COLUMN press_contact TEXT NOT NULL DEFAULT '';
      -- The plan is a short list edited with its campaign: JSON in the row.
      ALTER TABLE campaigns ADD COLUMN tasks TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX campaigns_start ON campaigns(start_date, title);

      ALTER TABLE documents ADD COLUMN visa_type TEXT NOT NULL DEFAULT '';
      ALTER TABLE documents ADD COLUMN needed_for_travel INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX documents_kind_valid_until ON documents(kind, valid_until);

      ALTER TABLE contacts ADD COLUMN around_the_clock INTEGER NOT NULL DEFAULT 0;

      CREATE INDEX links_from ON links(from_type, from_id);

      CREATE TABLE campaign_participants (
        campaign_id TEXT NOT NULL ${cascade('campaigns')},
        person_id TEXT NOT NULL ${cascade('people')},
        PRIMARY KEY (campaign_id, person_id)) WITHOUT ROWID;
      CREATE INDEX campaign_participants_person ON campaign_participants(person_id);

      CREATE TABLE checklist_items (
        id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL ${cascade('campaigns')},
        kind TEXT NOT NULL, title TEXT NOT NULL, status TEXT NOT NULL, notes TEXT NOT NULL,
        due_date TEXT, position INTEGER NOT NULL, ${timestamps});
      CREATE INDEX checklist_items_campaign ON checklist_items(campaign_id, position);
      -- Each of the eight standard items exists once per campaign; custom ones repeat.
      CREATE UNIQUE INDEX checklist_items_standard ON checklist_items(campaign_id, kind) WHERE kind <> 'custom';

      CREATE TABLE campaign_briefings (
        campaign_id TEXT NOT NULL ${cascade('campaigns')},
        contact_id TEXT NOT NULL ${cascade('contacts')},
        briefed_on TEXT NOT NULL,
        PRIMARY KEY (campaign_id, contact_id)) WITHOUT ROWID;
      CREATE INDEX campaign_briefings_contact ON campaign_briefings(contact_id);

      -- The index maps its rowids to records through search_rows: the record
      -- tables have text keys, and their implicit rowids may change on VACUUM.
      CREATE TABLE search_rows (
        rowid INTEGER PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL,
        UNIQUE (record_type, record_id));
      CREATE VIRTUAL TABLE search_index USING fts5(
        title, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
      -- Deleted text must not linger in old index segments (PRAGMA secure_delete
      -- does not reach into FTS5's own structure).
      INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);
      ${indexed.map(searchTriggers).join('\n')}
    `)
    backfillChecklists(db)
  },
}
