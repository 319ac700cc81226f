import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { migrations, runMigrations } from '../../main/vault/migrations'

const fileId = 'b0000000-0000-4000-8000-000000000005'

describe('migration 005 (file chunks in a rowid table)', () => {
  it('keeps every stored chunk, in order, and the cascade on delete', async () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    runMigrations(db, migrations.slice(0, 4))
    const stamp = '2026-11-01T10:00:00.000Z'
    db.prepare(
      `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
       VALUES (?, 'two.txt', 'text/plain', 6, '', NULL, 1, ?, ?)`,
    ).run([fileId, stamp, stamp])
    const insert = db.prepare('INSERT INTO file_chunks (file_id, seq, data) VALUES (?, ?, ?)')
    insert.run([fileId, 1, Buffer.from('def')])
    insert.run([fileId, 0, Buffer.from('abc')])

    runMigrations(db, migrations.slice(0, 5))

    const withoutRowid = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'file_chunks'", { pluck: true }).get()
    expect(String(withoutRowid)).not.toMatch(/WITHOUT ROWID/i)
    const chunks = db.prepare('SELECT data FROM file_chunks WHERE file_id = ? ORDER BY seq', { pluck: true }).all([fileId]) as Uint8Array[]
    expect(Buffer.concat(chunks).toString()).toBe('abcdef')
    expect(() => insert.run([fileId, 1, Buffer.from('again')])).toThrow(/UNIQUE/)
    db.prepare('DELETE FROM files WHERE id = ?').run([fileId])
    expect(db.prepare('SELECT count(*) FROM file_chunks', { pluck: true }).get()).toBe(0)
    db.close()
  })
})
