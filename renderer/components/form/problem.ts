import type { ParseKeys } from 'i18next'
import type { ZodType } from 'zod'

/** A key of the UI messages, checked against the English text. */
export type MessageKey = ParseKeys

/** The message that names the fault, per field of the contract's input. */
export type Problems = Partial<Record<string, MessageKey>>

/**
 * Checks a form's input with the contract's own schema, so the form refuses
 * exactly what the vault would and the message can name the field: the
 * schema's first issue decides. `otherwise` covers fields with no message of
 * their own; null leaves such a fault to the vault's answer.
 */
export function schemaProblem(schema: ZodType, input: unknown, problems: Problems, otherwise: MessageKey | null = null): MessageKey | null {
  const field = schema.safeParse(input).error?.issues[0]?.path[0]
  return field === undefined ? null : (problems[String(field)] ?? otherwise)
}
