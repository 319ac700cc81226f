import { headMessage } from '../../evidence/custodyLog'
import { signatureNamespaces, VaultSigningKey } from '../../store/signingKey'
import type { Database } from '../database'
import type { Migration } from './types'

const forgetHead = (table: string, type: string) => `
  CREATE TRIGGER ${table}_custody_head_delete AFTER DELETE ON ${table} BEGIN
    DELETE FROM custody_heads WHERE subject_type = '${type}' AND subject_id = old.id;
  END;`

/**
 * Every existing chain gets its head as it stands now: what later checks hold
 * it to. Only a vault with chains gets its key here; an empty one (and the
 * schema template new vaults are copied from, which must hold no secret)
 * makes its key at its first signature.
 */
function backfillHeads(db: Database): void {
  const chains = db
    .prepare(
      `SELECT c.subject_type AS type, c.subject_id AS id, n.count AS count, c.hash AS hash
       FROM custody c JOIN (SELECT subject_type, subject_id, max(position) AS last, count(*) AS count
                            FROM custody GROUP BY subject_type, subject_id) n
         ON c.subject_type = n.subject_type AND c.subject_id = n.subject_id AND c.position = n.last`,
    )
    .all() as { type: 'incident' | 'file'; id: string; count: number; hash: string }[]
  if (chains.length === 0) return
  const key = new VaultSigningKey(db)
  key.ensure()
  const insert = db.prepare('INSERT INTO custody_heads (subject_type, subject_id, count, last_hash, signature) VALUES (?, ?, ?, ?, ?)')
  for (const { type, id, count, hash } of chains) {
    insert.run([type, id, count, hash, key.sign(signatureNamespaces.custodyHead, headMessage(type, id, count, hash))])
  }
}

/**
 * The vault's Ed25519 signing key, a signed head (entry count and last hash)
 * for every custody chain so a deleted tail shows, and a place for an ally's
 * signing key. Ed25519 keys are made synchronously, so an older vault's key
 * is made right here and its heads signed in the same step.
 */
export const migration007: Migration = {
  version: 7,
  name: 'custody heads and the vault signing key',
  up(db) {
    db.exec(`
      CREATE TABLE signing_key (
        id INTEGER PRIMARY KEY CHECK (id = 1), secret_key BLOB NOT NULL, public_key TEXT NOT NULL,
        created_at TEXT NOT NULL);
      CREATE TABLE custody_heads (
        subject_type TEXT NOT NULL CHECK (subject_type IN ('incident', 'file')),
        subject_id TEXT NOT NULL, count INTEGER NOT NULL CHECK (count > 0), last_hash TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (subject_type, subject_id)) WITHOUT ROWID;
      ${forgetHead('incidents', 'incident')}
      ${forgetHead('files', 'file')}
      ALTER TABLE allies ADD COLUMN signing_key TEXT;
    `)
    backfillHeads(db)
  },
}
