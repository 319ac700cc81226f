import { z } from 'zod'
import { checklistStatuses } from '../readiness/checklist'
import { calendarDate, longText, shortText } from './common'

/** What the user edits on any checklist item, standard or their own. */
export const checklistItemPatch = z.object({
  status: z.enum(checklistStatuses).optional(),
  notes: longText.optional(),
  dueDate: calendarDate.nullable().optional(),
  // Only custom items have a title of their own; standard titles are translated.
  title: shortText.min(1).optional(),
})

export const customChecklistItemInput = z.object({
  title: shortText.min(1),
  notes: longText.default(''),
  dueDate: calendarDate.nullable().default(null),
})

export type ChecklistItemPatch = z.output<typeof checklistItemPatch>
export type CustomChecklistItemInput = z.input<typeof customChecklistItemInput>
