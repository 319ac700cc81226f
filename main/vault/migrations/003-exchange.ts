import type { Migration } from './types'

export const migration003: Migration = {
  version: 3,
  name: 'vault identity and allies for encrypted exchange',
  up(db) {
    db.exec(`
      -- One row: the vault's age X25519 identity. It lives only here, inside
      -- the encrypted database; it is generated at the first unlock after
      -- this step (key generation is asynchronous, migrations are not).
      CREATE TABLE vault_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1), secret_key TEXT NOT NULL, public_key TEXT NOT NULL,
        created_at TEXT NOT NULL);
      CREATE TABLE allies (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, public_key TEXT NOT NULL,
        verification TEXT NOT NULL, verified_on TEXT, notes TEXT NOT NULL,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE INDEX allies_name ON allies(name COLLATE NOCASE, id);
    `)
  },
}
