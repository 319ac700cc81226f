/** A vault is a directory with exactly these two files. */
export const headerFile = 'sestra.keys'
export const databaseFile = 'sestra.db'
/** What SQLite may create beside the database; the wipe removes these too. */
export const databaseSideFiles = ['sestra.db-journal', 'sestra.db-wal', 'sestra.db-shm']
