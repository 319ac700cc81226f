import { canonicalJson } from '../../evidence/canonicalJson'
import { custodyHash } from '../../evidence/custodyLog'
import type { Database } from '../database'
import type { Migration } from './types'

const cascade = (table: string) => `REFERENCES ${table}(id) ON DELETE CASCADE`
const appendOnly = `SELECT RAISE(ABORT, 'custody entries are append-only')`

/** Incident columns as they are at this version, for the backfilled "created" entries. */
const incidentColumns = {
  title: 'title',
  kind: 'kind',
  occurredOn: 'occurred_on',
  occurredTime: 'occurred_time',
  timeZone: 'time_zone',
  place: 'place',
  platform: 'platform',
  url: 'url',
  perpetrators: 'perpetrators',
  witnesses: 'witnesses',
  description: 'description',
  severity: 'severity',
}

/**
 * Records made before custody existed get a first entry now, marked as
 * backfilled, so `verify` can hold every record to a chain without calling
 * an old vault damaged.
 */
function backfillChains(db: Database): void {
  const stamp = new Date().toISOString()
  const insert = db.prepare(
    `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
     VALUES (?, ?, 0, ?, ?, ?, NULL, ?)`,
  )
  const first = (subjectType: 'incident' | 'file', subjectId: string, action: 'created' | 'intake', detail: Record<string, unknown>) => {
    const hash = custodyHash({ subjectType, subjectId, position: 0, at: stamp, action, detail, prevHash: null })
    insert.run([subjectType, subjectId, stamp, action, canonicalJson(detail), hash])
  }
  for (const row of db.prepare('SELECT * FROM incidents').all() as Record<string, unknown>[]) {
    const fields = Object.fromEntries(Object.entries(incidentColumns).map(([key, column]) => [key, row[column] ?? null]))
    first('incident', String(row.id), 'created', { backfilled: true, fields, links: { campaignId: null, personIds: [], perpetratorContactIds: [], witnessContactIds: [] } })
  }
  for (const row of db.prepare('SELECT * FROM files WHERE complete = 1').all() as Record<string, unknown>[]) {
    first('file', String(row.id), 'intake', {
      backfilled: true,
      name: row.name,
      size: row.size,
      sha256: row.sha256,
      mime: row.mime,
      modifiedAt: row.modified_at ?? null,
    })
  }
}

export const migration004: Migration = {
  version: 4,
  name: 'evidence locker: incident links, attached files, chain of custody',
  up(db) {
    db.exec(`
      ALTER TABLE incidents ADD COLUMN platform TEXT NOT NULL DEFAULT '';
      ALTER TABLE incidents ADD COLUMN campaign_id TEXT REFERENCES campaigns(id) ON DELETE SET NULL;
      CREATE INDEX incidents_campaign ON incidents(campaign_id, occurred_on);
      CREATE INDEX incidents_kind ON incidents(kind, occurred_on);

      CREATE TABLE incident_people (
        incident_id TEXT NOT NULL ${cascade('incidents')},
        person_id TEXT NOT NULL ${cascade('people')},
        PRIMARY KEY (incident_id, person_id)) WITHOUT ROWID;
      CREATE INDEX incident_people_person ON incident_people(person_id);

      CREATE TABLE incident_contacts (
        incident_id TEXT NOT NULL ${cascade('incidents')},
        contact_id TEXT NOT NULL ${cascade('contacts')},
        role TEXT NOT NULL CHECK (role IN ('perpetrator', 'witness')),
        PRIMARY KEY (incident_id, contact_id, role)) WITHOUT ROWID;
      CREATE INDEX incident_contacts_contact ON incident_contacts(contact_id);

      CREATE TABLE incident_files (
        incident_id TEXT NOT NULL ${cascade('incidents')},
        file_id TEXT NOT NULL ${cascade('files')},
        attached_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, file_id)) WITHOUT ROWID;
      CREATE INDEX incident_files_file ON incident_files(file_id);

      CREATE TABLE custody (
        subject_type TEXT NOT NULL CHECK (subject_type IN ('incident', 'file')),
        subject_id TEXT NOT NULL, position INTEGER NOT NULL, at TEXT NOT NULL,
        action TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT, hash TEXT NOT NULL,
        PRIMARY KEY (subject_type, subject_id, position)) WITHOUT ROWID;
      CREATE TRIGGER custody_no_update BEFORE UPDATE ON custody BEGIN ${appendOnly}; END;
      -- A chain may go only after its record: deleting evidence is the user's
      -- right (and sometimes her safety), rewriting its history is not.
      CREATE TRIGGER custody_no_delete BEFORE DELETE ON custody
        WHEN (old.subject_type = 'incident' AND EXISTS (SELECT 1 FROM incidents WHERE id = old.subject_id))
          OR (old.subject_type = 'file' AND EXISTS (SELECT 1 FROM files WHERE id = old.subject_id))
        BEGIN ${appendOnly}; END;
      CREATE TRIGGER incidents_custody_delete AFTER DELETE ON incidents BEGIN
        DELETE FROM custody WHERE subject_type = 'incident' AND subject_id = old.id;
      END;
      CREATE TRIGGER files_custody_delete AFTER DELETE ON files BEGIN
        DELETE FROM custody WHERE subject_type = 'file' AND subject_id = old.id;
      END;
    `)
    backfillChains(db)
  },
}
