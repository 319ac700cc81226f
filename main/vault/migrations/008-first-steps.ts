import type { Database } from '../database'
import type { Migration } from './types'

/** The reminder choices in the order their index was stored in application_id bits 3-5. */
const oldReminderChoices = [30, 7, 14, 60, 90, 180, null] as const
const dayMs = 86_400_000

/**
 * Until this migration the marks were bits of SQLite's `application_id` header
 * field: bit 0 dismissed, bit 1 panic practised, bit 2 duress set, bits 3-5 an
 * index into the reminder choices, bits 6-31 the day of the last backup
 * counted from 1970-01-01 plus one (0 = never). Read once here, then cleared.
 */
function carryOverHeaderBits(db: Database): void {
  const bits = Number(db.pragma('application_id', { simple: true })) >>> 0
  if (bits === 0) return
  const bit = (n: number) => (bits >>> n) & 1
  const storedDay = bits >>> 6
  const reminderIndex = (bits >>> 3) & 0b111
  db.prepare(
    `INSERT INTO first_steps (id, dismissed, panic_practised, duress_set, reminder_days, last_backup_on)
     VALUES (1, ?, ?, ?, ?, ?)`,
  ).run([
    bit(0),
    bit(1),
    bit(2),
    reminderIndex < oldReminderChoices.length ? (oldReminderChoices[reminderIndex] ?? null) : oldReminderChoices[0],
    storedDay === 0 ? null : new Date((storedDay - 1) * dayMs).toISOString().slice(0, 10),
  ])
  db.pragma('application_id = 0')
}

/**
 * What the first-steps list cannot read from the records: one row, absent
 * until something is marked. Never in a bundle (see tableRows.ts), so a
 * duress or restored vault starts with none, like a new one.
 */
export const migration008: Migration = {
  version: 8,
  name: 'first-steps marks in a table',
  up(db) {
    db.exec(`
      CREATE TABLE first_steps (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
        panic_practised INTEGER NOT NULL DEFAULT 0 CHECK (panic_practised IN (0, 1)),
        duress_set INTEGER NOT NULL DEFAULT 0 CHECK (duress_set IN (0, 1)),
        reminder_days INTEGER DEFAULT 30,
        last_backup_on TEXT);
    `)
    carryOverHeaderBits(db)
  },
}
