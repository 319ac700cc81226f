import type { ParseArgsOptionsConfig } from 'node:util'
import type { CliContext } from './context'

/** One CLI command; area modules (campaignCommands.ts, ...) export lists of these. */
export interface Command {
  /** The words that select it, e.g. "contact add". */
  name: string
  usage: string
  /** What it does, for `sestra COMMAND --help`. */
  help?: string
  options: ParseArgsOptionsConfig
  /** Takes arguments after its options (paths, ids); any other command refuses a stray one. */
  allowPositionals?: boolean
  /** A number is the exit code for an outcome that is not an error (`verify` found problems: 5). */
  run(ctx: CliContext): Promise<void | number>
}

// Option fragments most commands share.
export const vaultOption = { vault: { type: 'string' } } as const
export const jsonOption = { json: { type: 'boolean' } } as const
/** Lets tests set passphrases below the floor; every command that sets one takes it. */
export const allowWeakOption = { 'allow-weak': { type: 'boolean' } } as const

export const printJson = (ctx: CliContext, value: unknown) => ctx.stdout(JSON.stringify(value, null, 2))
