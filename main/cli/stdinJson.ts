import type { ParseArgsOptionsConfig } from 'node:util'
import type { Command } from './command'
import { UsageError, type CliContext } from './context'

/*
 * `--stdin-json`: record content read from standard input instead of
 * arguments, which land in the shell history, in `ps` and in npm's logs. The
 * JSON object is the last line of standard input, after the passphrase lines;
 * its keys are the command's option names ({"name": "...", "phone": ["..."]}),
 * and "arguments" holds what follows the options (the paths of `file add`).
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

type Given = Pick<CliContext, 'options' | 'positionals'>

/** Merges the JSON object into what was given as arguments; a key given both ways is refused. */
export function parseStdinJson(line: string | null, command: Command, given: Given): Given {
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
  const { arguments: positionals, ...options } = parsed as Record<string, unknown>
  const merged = { options: { ...given.options }, positionals: given.positionals }
  if (positionals !== undefined) {
    if (!command.allowPositionals) throw new UsageError(`--stdin-json: "arguments" is for commands that take arguments`)
    if (given.positionals.length > 0) throw new UsageError('arguments are given both on the command line and in the JSON')
    merged.positionals = convert(positionals, 'arguments', { type: 'string', multiple: true }) as string[]
  }
  for (const [key, value] of Object.entries(options)) {
    const option = Object.hasOwn(command.options, key) && key !== 'stdin-json' ? command.options[key]! : null
    if (!option) throw new UsageError(`--stdin-json: unknown key ${optionName(key)}`)
    if (given.options[key] !== undefined) throw new UsageError(`--${key} is given both as an argument and in the JSON`)
    merged.options[key] = convert(value, key, option)
  }
  return merged
}
