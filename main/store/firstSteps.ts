import type { FirstSteps, FirstStepMark } from '../../shared/firstSteps'
import { backupReminderChoices } from '../../shared/firstSteps'
import type { Database } from '../vault/database'

/*
 * The first-run list ticks itself from the vault's records; what records
 * cannot show (the panic practice, the duress passphrase, the list
 * dismissed, the date of the last backup, how often to remind) is a handful
 * of bits kept in SQLite's 32-bit `application_id` header field.
 *
 * Why there: it is inside the encrypted database (SQLCipher encrypts page 1
 * whole), written in the same journaled transaction as any change, needs no
 * migration (the migration numbers are spoken for), and no bundle carries
 * it, because bundles copy tables. A vault opened by the duress passphrase,
 * or restored from a backup, is a new database, so it starts at zero and
 * looks exactly like a new vault. settings.json was not an option: it is
 * readable while locked, would survive a wipe, and a backup date there tells
 * whoever holds the laptop that a copy exists somewhere.
 *
 *   bit 0      the first-steps list was dismissed
 *   bit 1      the panic button was practised
 *   bit 2      a duress passphrase was set from the app
 *   bits 3-5   index into backupReminderChoices
 *   bits 6-31  day of the last whole-vault export, counted from 1970-01-01 plus one; 0 = never
 */

const markBits: Record<FirstStepMark, number> = { dismissed: 0, panicPractised: 1, duressSet: 2 }
const reminderShift = 3
const reminderMask = 0b111
const dayShift = 6
const dayMs = 86_400_000

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs
const dateOfDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10)

export class FirstStepsStore {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  read(today: string): FirstSteps {
    const bits = this.#bits()
    const storedDay = bits >>> dayShift
    const lastBackupOn = storedDay === 0 ? null : dateOfDay(storedDay - 1)
    const index = (bits >>> reminderShift) & reminderMask
    const reminderDays = index < backupReminderChoices.length ? (backupReminderChoices[index] as FirstSteps['reminderDays']) : backupReminderChoices[0]
    const daysSinceBackup = lastBackupOn === null ? null : dayNumber(today) - dayNumber(lastBackupOn)
    return {
      steps: {
        family: this.#familyHasPassports(),
        lawyer: this.#lawyerReady(),
        panic: this.#has(bits, 'panicPractised'),
        duress: this.#has(bits, 'duressSet'),
        backup: lastBackupOn !== null,
      },
      dismissed: this.#has(bits, 'dismissed'),
      lastBackupOn,
      reminderDays,
      backupDue: reminderDays !== null && (daysSinceBackup === null || daysSinceBackup > reminderDays),
    }
  }

  mark(mark: FirstStepMark, on: boolean): void {
    const bit = 1 << markBits[mark]
    const bits = this.#bits()
    this.#write(on ? bits | bit : bits & ~bit)
  }

  /** After a whole-vault export: the reminder counts from this day. */
  noteBackup(day: string): void {
    const bits = this.#bits() & ((1 << dayShift) - 1)
    this.#write(bits | ((dayNumber(day) + 1) << dayShift))
  }

  setReminder(days: (typeof backupReminderChoices)[number]): void {
    const index = backupReminderChoices.indexOf(days)
    const bits = this.#bits() & ~(reminderMask << reminderShift)
    this.#write(bits | (index << reminderShift))
  }

  #has(bits: number, mark: FirstStepMark): boolean {
    return (bits & (1 << markBits[mark])) !== 0
  }

  #bits(): number {
    return Number(this.#db.pragma('application_id', { simple: true })) >>> 0
  }

  /** The pragma takes a signed 32-bit integer. */
  #write(bits: number): void {
    this.#db.pragma(`application_id = ${bits | 0}`)
  }

  /** Her own passport, and one for each child. */
  #familyHasPassports(): boolean {
    const row = this.#db
      .prepare(
        `SELECT
           EXISTS (SELECT 1 FROM people p JOIN documents d ON d.person_id = p.id AND d.kind = 'passport' WHERE p.relation = 'self') AS me,
           NOT EXISTS (SELECT 1 FROM people p WHERE p.relation = 'child'
             AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.person_id = p.id AND d.kind = 'passport')) AS children`,
      )
      .get() as { me: number; children: number }
    return row.me === 1 && row.children === 1
  }

  /** A lawyer who has been briefed for a campaign and is on speed dial. */
  #lawyerReady(): boolean {
    const found = this.#db
      .prepare(
        `SELECT 1 FROM contacts c
         WHERE c.speed_dial = 1 AND EXISTS (SELECT 1 FROM json_each(c.roles) WHERE value = 'lawyer')
           AND EXISTS (SELECT 1 FROM campaign_briefings b WHERE b.contact_id = c.id)
         LIMIT 1`,
      )
      .get()
    return found !== undefined
  }
}
