import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { migration001 } from '../../main/vault/migrations/001-initial'
import { migration002 } from '../../main/vault/migrations/002-campaign-readiness'
import { runMigrations, schemaVersion } from '../../main/vault/migrations'
import { standardChecklist } from '../../shared/readiness/checklist'

const stamp = '2026-01-01T00:00:00.000Z'

/** A vault at version 1 with one record of each kind that 002 touches. */
function version1(): Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  runMigrations(db, [migration001])
  db.exec(`
    INSERT INTO campaigns VALUES ('c1', 'Old campaign', '2026-11-25', '2026-12-10', 'goals', 'notes', 'planning', '${stamp}', '${stamp}');
    INSERT INTO people VALUES ('p1', 'Dana Example', NULL, 'self', 'lives in the north', '${stamp}', '${stamp}');
    INSERT INTO documents VALUES ('d1', 'p1', 'passport', 'KG', 'AC0000000', NULL, '2030-01-01', NULL, '', '${stamp}', '${stamp}');
    INSERT INTO contacts VALUES ('k1', 'Legal Aid Test', '', '["lawyer"]', '[]', '[]', '[]', '', 0, '${stamp}', '${stamp}');
  `)
  return db
}

describe('migration 002', () => {
  it('adds the readiness columns with their defaults and backfills the checklist', () => {
    const db = version1()
    runMigrations(db, [migration001, migration002])
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT passport_margin_months, visa_margin_days, warning_days, press_contact, tasks FROM campaigns').get()).toEqual({
      passport_margin_months: 6,
      visa_margin_days: 30,
      warning_days: 14,
      press_contact: '',
      tasks: '[]',
    })
    expect(db.prepare('SELECT needed_for_travel, visa_type FROM documents').get()).toEqual({ needed_for_travel: 0, visa_type: '' })
    expect(db.prepare('SELECT around_the_clock FROM contacts').get()).toEqual({ around_the_clock: 0 })
    expect(db.prepare("SELECT kind FROM checklist_items WHERE campaign_id = 'c1' ORDER BY position", { pluck: true }).all()).toEqual([
      ...standardChecklist,
    ])
    db.close()
  })

  it('indexes the records that already exist, and keeps the index in step', () => {
    const db = version1()
    runMigrations(db, [migration001, migration002])
    const find = (text: string) =>
      db
        .prepare(
          `SELECT s.record_type || ':' || s.record_id FROM search_index
           JOIN search_rows s ON s.rowid = search_index.rowid WHERE search_index MATCH ?`,
          { pluck: true },
        )
        .all([text])
    expect(find('north')).toEqual(['person:p1'])
    expect(find('AC0000000')).toEqual(['document:d1'])
    expect(find('"legal"')).toEqual(['contact:k1'])
    db.exec("DELETE FROM people WHERE id = 'p1'")
    expect(find('north')).toEqual([])
    expect(find('AC0000000')).toEqual([])
    expect(db.prepare('SELECT count(*) FROM search_rows', { pluck: true }).get()).toBe(2)
    db.close()
  })

  it('each standard item exists once per campaign; custom items repeat', () => {
    const db = version1()
    runMigrations(db, [migration001, migration002])
    const insert = (id: string, kind: string) =>
      db.prepare(`INSERT INTO checklist_items VALUES (?, 'c1', ?, '', 'open', '', NULL, 9, '${stamp}', '${stamp}')`).run([id, kind])
    expect(() => insert('x1', 'lawyer')).toThrow()
    insert('x2', 'custom')
    insert('x3', 'custom')
    db.exec("DELETE FROM campaigns WHERE id = 'c1'")
    expect(db.prepare('SELECT count(*) FROM checklist_items', { pluck: true }).get()).toBe(0)
    db.close()
  })
})
