import { parseArgs } from 'node:util'
import { SestraError, type Language } from '../../shared/errors'
import { toSestraError } from '../vault/ioErrors'
import { commands, findCommand } from './commands'
import { describeError, UsageError, type CliContext } from './context'
import { exitCodeFor, exitCodes } from './exitCodes'
import { stdinPassphrases } from './passphraseInput'

const usage = ['Usage:', ...commands.map((c) => `  ${c.usage}`)].join('\n')

function language(): Language {
  return /^ru/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ru' : 'en'
}

export async function main(argv: string[]): Promise<number> {
  const lang = language()
  const found = findCommand(argv)
  if (!found) {
    process.stderr.write(`${argv.length ? `sestra: unknown command "${argv.join(' ')}"\n` : ''}${usage}\n`)
    return exitCodes.usage
  }
  try {
    const { values, positionals } = parseArgs({
      args: found.rest,
      options: found.command.options,
      allowPositionals: true,
      strict: true,
    })
    const ctx: CliContext = {
      options: values,
      positionals,
      passphrases: stdinPassphrases(),
      stdout: (text) => process.stdout.write(`${text}\n`),
      language: lang,
      // Tests and very old machines may ask for the floor (m=64 MiB, t=3, p=4) instead of calibrating.
      vaultOptions: { kdf: process.env.SESTRA_KDF === 'minimum' ? 'minimum' : 'calibrate' },
    }
    return (await found.command.run(ctx)) ?? exitCodes.ok
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sestra: ${(error as Error).message}\nUsage: ${found.command.usage}\n`)
      return exitCodes.usage
    }
    const sestraError = error instanceof SestraError ? error : toSestraError(error)
    // One plain line, never a stack trace or a secret.
    process.stderr.write(`sestra: ${describeError(sestraError, lang)}\n`)
    return exitCodeFor(sestraError.code)
  }
}

process.exitCode = await main(process.argv.slice(2))
