import { z } from 'zod'
import { calendarDate } from './domain/common'

/*
 * The "first steps" list shown after a vault is created, and the backup
 * reminder. Each step ticks itself from the vault's own data.
 */

export const firstStepKinds = ['family', 'lawyer', 'panic', 'duress', 'backup'] as const
export type FirstStepKind = (typeof firstStepKinds)[number]

/** What the records cannot show, so the vault keeps a mark of it. */
export const firstStepMarks = ['dismissed', 'panicPractised', 'duressSet'] as const
export type FirstStepMark = (typeof firstStepMarks)[number]

/** Days after the last backup before the dashboard says so; the first is the default, null never reminds. */
export const backupReminderChoices = [30, 7, 14, 60, 90, 180, null] as const

export interface FirstSteps {
  steps: Record<FirstStepKind, boolean>
  dismissed: boolean
  /** The day of the last whole-vault export (YYYY-MM-DD), or null if none was made. */
  lastBackupOn: string | null
  reminderDays: (typeof backupReminderChoices)[number]
  /** No backup yet, or the last is older than reminderDays. */
  backupDue: boolean
}

export const firstStepsInput = z.object({
  /** The user's calendar day, so "days since the last backup" matches her calendar. */
  today: calendarDate,
})

export const markFirstStepInput = z.object({ mark: z.enum(firstStepMarks), on: z.boolean() })

export const backupReminderInput = z.object({ days: z.literal(backupReminderChoices) })
