import Database, { setLogger } from '@signalapp/sqlcipher'
import { setUpConnection } from '../store/connection'

export type { Database }

// Nothing from the engine may reach a log: the binding's logger is muted for
// the whole process, and SQLCipher's own stderr log per connection (connection.ts).
setLogger(() => {})

/** Opens the SQLCipher file at `path` under the raw data key; see `setUpConnection`. */
export function openDatabase(path: string, dataKey: Buffer): Database {
  // Statements are prepared per call in the data layer; the cache makes that cheap.
  const db = new Database(path, { cacheStatements: true })
  try {
    setUpConnection(db, dataKey)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
