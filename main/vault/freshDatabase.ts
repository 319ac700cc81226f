import { mkdtemp, open, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { enableIncrementalVacuum, rekeyWithNewSalt } from '../store/connection'
import { openDatabase, type Database } from './database'
import { secretBuffer } from './keyslot'
import { runMigrations } from './migrations'

/*
 * A new vault's database without running every migration each time. Once per
 * process an empty database at the latest schema is built under a throwaway
 * key (it holds no record, only the app's public schema); each new vault is a
 * copy of it, re-encrypted by PRAGMA rekey under its own data key and a new
 * random salt. That takes milliseconds where the migrations take hundreds,
 * which is what keeps the duress path (wipe, a fresh vault, open it) about as
 * fast as a normal unlock.
 */

interface Template {
  bytes: Buffer
  key: Buffer
}

let template: Promise<Template> | undefined

async function buildTemplate(): Promise<Template> {
  const dir = await mkdtemp(join(tmpdir(), 'sestra-schema-'))
  const key = secretBuffer(32)
  try {
    const db = openDatabase(join(dir, 'schema.db'), key)
    try {
      enableIncrementalVacuum(db)
      runMigrations(db)
    } finally {
      db.close()
    }
    return { bytes: await readFile(join(dir, 'schema.db')), key }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Builds the template ahead of need: the app does so at start, so a duress unlock never waits for it. */
export function prepareFreshDatabases(): Promise<Template> {
  template ??= buildTemplate().catch((error: unknown) => {
    template = undefined
    throw error
  })
  return template
}

/** Writes a fresh, empty database at `path` (which must not exist, and is private: 0600) under `dataKey`, and returns it open. */
export async function writeFreshDatabase(path: string, dataKey: Buffer): Promise<Database> {
  const { bytes, key } = await prepareFreshDatabases()
  const handle = await open(path, 'wx', 0o600)
  let db: Database | null = null
  try {
    await handle.writeFile(bytes)
    await handle.close()
    db = openDatabase(path, key)
    // A new key and a new salt: the copy shares nothing secret or identifying with the template.
    rekeyWithNewSalt(db, dataKey)
    return db
  } catch (error) {
    db?.close()
    await handle.close().catch(() => {})
    await rm(path, { force: true })
    throw error
  }
}
