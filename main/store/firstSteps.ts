import type { FirstSteps, FirstStepMark } from '../../shared/firstSteps'
import { backupReminderChoices } from '../../shared/firstSteps'
import { z } from 'zod'
import type { Database } from '../vault/database'
import { optionalRow, parseRow } from './rows'

const passportFlags = z.object({ me: z.number(), children: z.number() })

/*
 * The first-run list ticks itself from the vault's records; what records
 * cannot show (the panic practice, the duress passphrase, the list
 * dismissed, the date of the last backup, how often to remind) is one row of
 * the `first_steps` table (migration 008), absent until something is marked.
 *
 * Why in the vault: it is encrypted with everything else and written in the
 * same journaled transaction as any change. No bundle carries the table
 * (tableRows.ts), so a vault opened by the duress passphrase, or restored
 * from a backup, starts without the row and looks exactly like a new vault.
 * settings.json was not an option: it is readable while locked, would survive
 * a wipe, and a backup date there tells whoever holds the laptop that a copy
 * exists somewhere.
 */

const dayMs = 86_400_000

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs

// reminder_days has no CHECK in the schema: a value that is not one of the choices is damage, like any other wrong value.
const marksRow = z.object({
  dismissed: z.number(),
  panic_practised: z.number(),
  duress_set: z.number(),
  reminder_days: z.literal(backupReminderChoices),
  last_backup_on: z.string().nullable(),
})
type MarksRow = z.infer<typeof marksRow>

const markColumns: Record<FirstStepMark, keyof MarksRow> = { dismissed: 'dismissed', panicPractised: 'panic_practised', duressSet: 'duress_set' }

export class FirstStepsStore {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  read(today: string): FirstSteps {
    const row = this.#row()
    const lastBackupOn = row?.last_backup_on ?? null
    const reminderDays = row === undefined ? backupReminderChoices[0] : row.reminder_days
    const daysSinceBackup = lastBackupOn === null ? null : dayNumber(today) - dayNumber(lastBackupOn)
    return {
      steps: {
        family: this.#familyHasPassports(),
        lawyer: this.#lawyerReady(),
        panic: row?.panic_practised === 1,
        duress: row?.duress_set === 1,
        backup: lastBackupOn !== null,
      },
      dismissed: row?.dismissed === 1,
      lastBackupOn,
      reminderDays,
      backupDue: reminderDays !== null && (daysSinceBackup === null || daysSinceBackup > reminderDays),
    }
  }

  mark(mark: FirstStepMark, on: boolean): void {
    this.#set(markColumns[mark], on ? 1 : 0)
  }

  /** After a whole-vault export: the reminder counts from this day. */
  noteBackup(day: string): void {
    this.#set('last_backup_on', day)
  }

  setReminder(days: (typeof backupReminderChoices)[number]): void {
    this.#set('reminder_days', days)
  }

  #row(): MarksRow | undefined {
    return optionalRow(marksRow, this.#db.prepare('SELECT dismissed, panic_practised, duress_set, reminder_days, last_backup_on FROM first_steps WHERE id = 1').get())
  }

  #set(column: keyof MarksRow, value: string | number | null): void {
    this.#db
      .prepare(`INSERT INTO first_steps (id, ${column}) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}`)
      .run([value])
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
      .get()
    const { me, children } = parseRow(passportFlags, row)
    return me === 1 && children === 1
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
