import { randomBytes } from 'node:crypto'
import type { Database } from '../vault/database'

/*
 * The SQL that sets up a connection, kept with the rest of the store's SQL.
 * The key travels inside the PRAGMA's text, and SQLite quotes a statement's
 * text back in its errors ("unrecognized token: ..."), so the two statements
 * that carry a key never let an engine error out with its message.
 */

/** The engine error without its message: only its code, which `toSestraError` reads. */
function withoutMessage(error: unknown): Error {
  const code: unknown = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined
  return Object.assign(new Error('setting the database key failed'), typeof code === 'string' ? { code } : {})
}

function keyPragma(db: Database, pragma: 'key' | 'rekey', hex: string): void {
  try {
    db.pragma(`${pragma} = "x'${hex}'"`)
  } catch (error) {
    throw withoutMessage(error)
  }
}

/**
 * Keys a just-opened connection with the raw 256-bit data key, so SQLCipher
 * does no key derivation of its own (the passphrase work is done once, by
 * Argon2id), proves the key by reading, and sets what every vault connection
 * needs. Throws SQLITE_NOTADB for a wrong key or a file that is no database.
 */
export function setUpConnection(db: Database, dataKey: Buffer): void {
  db.pragma('cipher_log_level = NONE')
  // Process-wide and irreversible; kept on so a lock leaves no decrypted page cache in freed
  // memory. It costs only bulk inserts (FTS5 frees); measured and decided in docs/SECURITY.md.
  db.pragma('cipher_memory_security = ON')
  // V8 strings cannot be wiped; this one lives only until the next GC.
  keyPragma(db, 'key', dataKey.toString('hex'))
  // The first read decrypts page 1: wrong key or garbage fails here.
  db.prepare('SELECT count(*) FROM sqlite_master').get()
  db.pragma('secure_delete = ON')
  // Temp tables and sorts in FILE mode are written unencrypted to disk.
  db.pragma('temp_store = MEMORY')
  db.pragma('foreign_keys = ON')
  db.pragma('journal_mode = DELETE')
  db.pragma('synchronous = FULL')
  db.pragma('cache_size = -65536')
}

/** Only settable before the first table: lets deleted rows give their space back. */
export function enableIncrementalVacuum(db: Database): void {
  db.pragma('auto_vacuum = INCREMENTAL')
}

/** Re-encrypts the whole database under `dataKey` with a new random salt. */
export function rekeyWithNewSalt(db: Database, dataKey: Buffer): void {
  keyPragma(db, 'rekey', `${dataKey.toString('hex')}${randomBytes(16).toString('hex')}`)
}
