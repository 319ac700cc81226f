import type { Migration } from './types'

const timestamps = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL`

export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, start_date TEXT, end_date TEXT,
        goals TEXT NOT NULL, notes TEXT NOT NULL, status TEXT NOT NULL, ${timestamps});
      CREATE TABLE people (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, birth_date TEXT, relation TEXT NOT NULL,
        notes TEXT NOT NULL, ${timestamps});
      CREATE TABLE documents (
        id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, issuing_country TEXT NOT NULL, number TEXT NOT NULL,
        valid_from TEXT, valid_until TEXT, entries TEXT, notes TEXT NOT NULL, ${timestamps});
      CREATE INDEX documents_person ON documents(person_id);
      CREATE INDEX documents_valid_until ON documents(valid_until);
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, organisation TEXT NOT NULL,
        roles TEXT NOT NULL, phones TEXT NOT NULL, channels TEXT NOT NULL,
        languages TEXT NOT NULL, notes TEXT NOT NULL, speed_dial INTEGER NOT NULL, ${timestamps});
      CREATE INDEX contacts_name ON contacts(name COLLATE NOCASE, id);
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY, title TEXT NOT NULL, kind TEXT NOT NULL, occurred_on TEXT NOT NULL,
        occurred_time TEXT, time_zone TEXT, place TEXT NOT NULL, url TEXT,
        perpetrators TEXT NOT NULL, witnesses TEXT NOT NULL, description TEXT NOT NULL,
        severity TEXT NOT NULL, ${timestamps});
      CREATE INDEX incidents_occurred ON incidents(occurred_on);
      CREATE TABLE files (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
        sha256 TEXT NOT NULL, modified_at TEXT,
        complete INTEGER NOT NULL DEFAULT 0, ${timestamps});
      CREATE TABLE file_chunks (
        file_id TEXT NOT NULL REFERENCES files(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (file_id, seq)) WITHOUT ROWID;
      CREATE TABLE links (
        id TEXT PRIMARY KEY, from_type TEXT NOT NULL, from_id TEXT NOT NULL,
        to_type TEXT NOT NULL, to_id TEXT NOT NULL, kind TEXT NOT NULL, ${timestamps},
        UNIQUE (from_type, from_id, to_type, to_id, kind));
      CREATE INDEX links_to ON links(to_type, to_id);
    `)
  },
}
