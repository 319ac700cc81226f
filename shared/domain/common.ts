import { z } from 'zod'

export const recordId = z.uuid()

/** A calendar date (no time, no zone): passports expire on a day, not an instant. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealCalendarDate, 'not a real calendar date')

export function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * What shows nothing: white space, control and format characters (zero-width
 * space and joiners, bidi marks, BOM, soft hyphen, word joiner), the Braille
 * blank and the Hangul fillers. Trimmed from both ends of short text, so a
 * name made only of them is empty and `.min(1)` refuses it; inside real text
 * (a Persian ZWNJ, an emoji sequence) they stay.
 */
const invisibleEdges = /^[\s\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]+|[\s\p{Cc}\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]+$/gu

const trimInvisible = (text: string) => text.replace(invisibleEdges, '')

export const shortText = z.string().overwrite(trimInvisible).max(500)
export const longText = z.string().max(100_000)

/** Fields every stored record carries, set by the data layer, never by callers. */
export interface RecordMeta {
  id: string
  createdAt: string
  updatedAt: string
}

export type Stored<T> = T & RecordMeta

/**
 * The schema of a patch: every field optional, absent fields left absent.
 * `.partial()` is not enough: it still fills in `.default()` values, so a
 * patch of one field would reset all the others to their defaults.
 */
export function patchSchema<S extends z.ZodObject>(schema: S): z.ZodType<Partial<z.output<S>>, Partial<z.input<S>>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional(),
    ]),
  )
  return z.object(shape) as unknown as z.ZodType<Partial<z.output<S>>, Partial<z.input<S>>>
}
