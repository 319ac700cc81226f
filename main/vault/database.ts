import Database, { setLogger } from '@signalapp/sqlcipher'

export type { Database }

// Nothing from the engine may reach a log: the binding's logger is muted for
// the whole process, and SQLCipher's own stderr log per connection below.
setLogger(() => {})

/**
 * Opens the SQLCipher file with the raw 256-bit data key, so SQLCipher does
 * no key derivation of its own: the passphrase work is done once, by Argon2id.
 */
export function openDatabase(path: string, dataKey: Buffer): Database {
  // Statements are prepared per call in the data layer; the cache makes that cheap.
  const db = new Database(path, { cacheStatements: true })
  try {
    db.pragma('cipher_log_level = NONE')
    // Process-wide and irreversible; kept on so a lock leaves no decrypted page cache in freed
    // memory. It costs only bulk inserts (FTS5 frees); measured and decided in docs/SECURITY.md.
    db.pragma('cipher_memory_security = ON')
    // V8 strings cannot be wiped; this one lives only until the next GC.
    db.pragma(`key = "x'${dataKey.toString('hex')}'"`)
    // The first read decrypts page 1: wrong key or garbage fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    db.pragma('secure_delete = ON')
    // Temp tables and sorts in FILE mode are written unencrypted to disk.
    db.pragma('temp_store = MEMORY')
    db.pragma('foreign_keys = ON')
    db.pragma('journal_mode = DELETE')
    db.pragma('synchronous = FULL')
    db.pragma('cache_size = -65536')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
