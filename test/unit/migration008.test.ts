import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { FirstStepsStore } from '../../main/store/firstSteps'
import { TableRows } from '../../main/store/tableRows'
import { migrations, runMigrations } from '../../main/vault/migrations'

/** A vault at schema 7 whose application_id holds the old first-steps bits. */
function vaultAtSeven(bits: number) {
  const db = new Database(':memory:')
  runMigrations(db, migrations.slice(0, 7))
  db.pragma(`application_id = ${bits | 0}`)
  return db
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000

describe('migration 008 (first-steps marks in a table)', () => {
  it('carries the application_id bits over into the table, then sets application_id back to 0', () => {
    // dismissed and duress set (bits 0, 2), reminder index 1 (7 days), last backup 2026-11-20.
    const bits = 0b101 | (1 << 3) | ((dayOf('2026-11-20') + 1) << 6)
    const db = vaultAtSeven(bits)
    runMigrations(db)
    expect(db.pragma('user_version', { simple: true })).toBe(8)
    expect(db.pragma('application_id', { simple: true })).toBe(0)
    expect(new FirstStepsStore(db).read('2026-11-29')).toMatchObject({
      steps: { panic: false, duress: true, backup: true },
      dismissed: true,
      lastBackupOn: '2026-11-20',
      reminderDays: 7,
      backupDue: true,
    })
    db.close()
  })

  it('"never remind" (index 6) and a vault with no bits survive as they were', () => {
    const never = vaultAtSeven(0b010 | (6 << 3))
    runMigrations(never)
    expect(new FirstStepsStore(never).read('2026-11-29')).toMatchObject({ steps: { panic: true }, reminderDays: null, lastBackupOn: null, backupDue: false })
    never.close()

    const untouched = vaultAtSeven(0)
    runMigrations(untouched)
    expect(untouched.prepare('SELECT count(*) FROM first_steps', { pluck: true }).get()).toBe(0)
    expect(new FirstStepsStore(untouched).read('2026-11-29')).toMatchObject({ dismissed: false, reminderDays: 30, backupDue: true })
    untouched.close()
  })

  it('the table is empty in a fresh schema, rejects a second row or a stray value, and never goes into a bundle', () => {
    const db = new Database(':memory:')
    runMigrations(db)
    expect(db.prepare('SELECT count(*) FROM first_steps', { pluck: true }).get()).toBe(0)
    expect(new TableRows(db).tables()).not.toContain('first_steps')
    new FirstStepsStore(db).mark('panicPractised', true)
    expect(() => db.prepare('INSERT INTO first_steps (id) VALUES (2)').run()).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE first_steps SET dismissed = 5').run()).toThrow(/CHECK/)
    expect(db.pragma('application_id', { simple: true })).toBe(0)
    db.close()
  })
})
