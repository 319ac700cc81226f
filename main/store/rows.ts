import { z } from 'zod'
import { SestraError } from '../../shared/errors'

/*
 * Rows from SQLite are `unknown` until checked here: a value of the wrong
 * type (a row edited outside the app, damage) is a damaged database, never a
 * record handed on with a type it does not have.
 */

const text = z.string()

export function parseRows<T>(schema: z.ZodType<T>, rows: unknown[]): T[] {
  return rows.map((row) => parseRow(schema, row))
}

export function parseRow<T>(schema: z.ZodType<T>, row: unknown): T {
  const parsed = schema.safeParse(row)
  if (!parsed.success) throw new SestraError('CORRUPT_DATABASE')
  return parsed.data
}

/** One row, or undefined when none matched. */
export const optionalRow = <T>(schema: z.ZodType<T>, row: unknown): T | undefined => (row === undefined ? undefined : parseRow(schema, row))

/** Values read with `pluck`: text columns (ids, names). */
export const texts = (values: unknown[]): string[] => parseRows(text, values)

/** One plucked text value, or undefined when no row matched. */
export const optionalText = (value: unknown): string | undefined => optionalRow(text, value)

/** `sqlite_master` rows of tables, for the modules that walk the schema. */
export const tableDefinition = z.object({ name: z.string(), sql: z.string() })

/** `PRAGMA table_info` rows: `pk` is the column's place in the primary key, 0 when not in it. */
export const columnInfo = z.object({ name: z.string(), pk: z.number() })

/** The value a JSON text holds, undefined when it is not JSON. */
export const jsonValue = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** A JSON text column holding a value of `schema`. */
export const jsonColumn = <T>(schema: z.ZodType<T>) =>
  z.string().transform((text, ctx) => {
    const parsed = schema.safeParse(jsonValue(text))
    if (parsed.success) return parsed.data
    ctx.addIssue({ code: 'custom', message: 'not the JSON this column holds' })
    return z.NEVER
  })
