import type { Migration } from './types'

/**
 * File bytes leave SQLCipher pages for encrypted blobs beside the database
 * (docs/ARCHITECTURE.md, "Blobs"): one key row per file. Moving the old
 * `file_chunks` out writes files, so it is not done in this transaction but
 * at unlock, one file at a time (`moveChunksToBlobs`).
 */
export const migration006: Migration = {
  version: 6,
  name: 'blob store',
  up(db) {
    db.exec(`
      CREATE TABLE file_blobs (
        file_id TEXT PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
        blob TEXT NOT NULL UNIQUE,
        key BLOB NOT NULL,
        padded_size INTEGER NOT NULL);
    `)
  },
}
