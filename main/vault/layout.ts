/** A vault is a directory with these two files, its blob folder and its failure counter. */
export const headerFile = 'sestra.keys'
export const databaseFile = 'sestra.db'
/** What SQLite may create beside the database; the wipe removes these too. */
export const databaseSideFiles = ['sestra.db-journal', 'sestra.db-wal', 'sestra.db-shm']
/** Each stored file's encrypted bytes, one blob per file (see docs/ARCHITECTURE.md). */
export const blobsDirectory = 'blobs'
/** Wrong passphrases in a row and when the last one came: the throttle's memory across restarts. */
export const failuresFile = 'sestra.failures'
