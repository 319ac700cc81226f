import type { ParseArgsOptionsConfig } from 'node:util'
import { UsageError, type CliContext } from './context'

/*
 * `--stdin-json`: record content read from standard input instead of
 * arguments, which land in the shell history, in `ps` and in npm's logs. The
 * JSON object is the last line of standard input, after the passphrase lines;
 * its keys are the command's option names ({"name": "...", "phone": ["..."]}).
 * Errors name keys, never values.
 */

export const stdinJsonOption = { 'stdin-json': { type: 'boolean' } } as const

type OptionValue = string | boolean | (string | boolean)[]

const optionName = (key: string) => (/^[a-z][a-z-]{0,39}$/.test(key) ? `"${key}"` : 'a key')

function asString(value: unknown, key: string): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  throw new UsageError(`--stdin-json: "${key}" must be text`)
}

function convert(value: unknown, key: string, option: ParseArgsOptionsConfig[string]): OptionValue {
  if (option.type === 'boolean') {
    if (typeof value !== 'boolean') throw new UsageError(`--stdin-json: "${key}" must be true or false`)
    return value
  }
  if (!option.multiple) return asString(value, key)
  return Array.isArray(value) ? value.map((v) => asString(v, key)) : [asString(value, key)]
}

/** Merges the JSON object into the options given as arguments; a key given both ways is refused. */
export function parseStdinJson(line: string | null, config: ParseArgsOptionsConfig, given: CliContext['options']): CliContext['options'] {
  if (line === null) throw new UsageError('--stdin-json expects a JSON object as the last line of standard input')
  let parsed: unknown
  try {
    parsed = JSON.parse(line)
  } catch {
    throw new UsageError('--stdin-json: the last line of standard input is not valid JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError('--stdin-json expects a JSON object, e.g. {"name": "..."}')
  }
  const merged = { ...given }
  for (const [key, value] of Object.entries(parsed)) {
    const option = Object.hasOwn(config, key) && key !== 'stdin-json' ? config[key]! : null
    if (!option) throw new UsageError(`--stdin-json: unknown key ${optionName(key)}`)
    if (given[key] !== undefined) throw new UsageError(`--${key} is given both as an argument and in the JSON`)
    merged[key] = convert(value, key, option)
  }
  return merged
}
