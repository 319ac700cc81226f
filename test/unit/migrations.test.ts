import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { migration001 } from '../../main/vault/migrations/001-initial'
import { latestSchemaVersion, migrations, runMigrations, schemaVersion } from '../../main/vault/migrations'
import type { Migration } from '../../main/vault/migrations/types'

const tables = (db: Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", { pluck: true }).all()

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(latestSchemaVersion).toBe(migrations.length)
  })

  it('001 creates every record table', () => {
    const db = new Database(':memory:')
    runMigrations(db, [migration001])
    expect(tables(db)).toEqual(['campaigns', 'contacts', 'documents', 'file_chunks', 'files', 'incidents', 'links', 'people'])
    expect(schemaVersion(db)).toBe(1)
    db.close()
  })

  it('running again is a no-op', () => {
    const db = new Database(':memory:')
    runMigrations(db)
    runMigrations(db)
    expect(schemaVersion(db)).toBe(latestSchemaVersion)
    db.close()
  })

  it('refuses a schema newer than this build', () => {
    const db = new Database(':memory:')
    db.pragma(`user_version = ${latestSchemaVersion + 1}`)
    expect(() => runMigrations(db)).toThrow(expect.objectContaining({ code: 'NEWER_VERSION' }))
    db.close()
  })

  it('a failing step rolls back whole and leaves the version where it was', () => {
    const db = new Database(':memory:')
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)')
        d.exec('THIS IS NOT SQL')
      },
    }
    expect(() => runMigrations(db, [migration001, broken])).toThrow()
    expect(schemaVersion(db)).toBe(1)
    expect(tables(db)).not.toContain('half_done')
    db.close()
  })
})
