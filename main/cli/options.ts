import type { z } from 'zod'
import { isRealCalendarDate } from '../../shared/domain/common'
import { SestraError } from '../../shared/errors'
import { requireString, UsageError, type CliContext } from './context'

/** Reading typed values out of parsed options; a wrong shape is a usage error (exit 2). */

export function optionalString(ctx: CliContext, name: string): string | undefined {
  const value = ctx.options[name]
  return typeof value === 'string' ? value : undefined
}

export function requireDate(ctx: CliContext, name: string): string {
  const value = requireString(ctx, name)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isRealCalendarDate(value)) throw new UsageError(`--${name} expects YYYY-MM-DD`)
  return value
}

export function optionalDate(ctx: CliContext, name: string): string | null {
  return optionalString(ctx, name) === undefined ? null : requireDate(ctx, name)
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}"; one of: ${allowed.join(', ')}`)
  return value as T
}

/** Parses with the schema the app's IPC uses; a failure names the fields, never their values. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
  return parsed.data
}
