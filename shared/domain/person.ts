import { z } from 'zod'
import { calendarDate, longText, shortText } from './common'

export const personRelations = ['self', 'child', 'colleague', 'family', 'other'] as const

export const personInput = z.object({
  name: shortText.min(1),
  birthDate: calendarDate.nullable().default(null),
  relation: z.enum(personRelations).default('other'),
  notes: longText.default(''),
})

export type PersonInput = z.input<typeof personInput>
export type PersonFields = z.output<typeof personInput>
