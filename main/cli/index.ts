import { parseArgs } from 'node:util'
import { SestraError, type Language } from '../../shared/errors'
import { toSestraError } from '../vault/ioErrors'
import { commands, findCommand } from './commands'
import { describeError, UsageError, type CliContext } from './context'
import { exitCodeFor, exitCodes } from './exitCodes'
import { commandHelp, generalHelp } from './help'
import { stdinPassphrases } from './passphraseInput'
import { parseStdinJson, stdinJsonOption } from './stdinJson'

function language(): Language {
  return /^ru/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '') ? 'ru' : 'en'
}

export async function main(argv: string[]): Promise<number> {
  const lang = language()
  if (['--help', '-h', 'help'].includes(argv[0] ?? '')) {
    process.stdout.write(generalHelp(commands))
    return exitCodes.ok
  }
  const found = findCommand(argv)
  if (found && (found.rest.includes('--help') || found.rest.includes('-h'))) {
    process.stdout.write(commandHelp(found.command))
    return exitCodes.ok
  }
  if (!found) {
    // Only the command words are echoed: what follows may be record content.
    const words = argv.slice(0, 2).filter((w) => /^[a-z]+$/.test(w)).join(' ')
    process.stderr.write(`${argv.length ? `sestra: unknown command "${words}"\n` : ''}${generalHelp(commands)}`)
    return exitCodes.usage
  }
  try {
    const parsed = parseArgs({
      args: found.rest,
      options: { ...found.command.options, ...stdinJsonOption },
      allowPositionals: found.command.allowPositionals === true,
      strict: true,
    })
    const passphrases = stdinPassphrases()
    const given = { options: parsed.values, positionals: parsed.positionals }
    const ctx: CliContext = {
      ...(parsed.values['stdin-json'] ? parseStdinJson(await passphrases.lastLine(), found.command, given) : given),
      passphrases,
      stdout: (text) => process.stdout.write(`${text}\n`),
      language: lang,
      // Tests and very old machines may ask for the floor (m=64 MiB, t=3, p=4) instead of calibrating.
      vaultOptions: { kdf: process.env.SESTRA_KDF === 'minimum' ? 'minimum' : 'calibrate' },
    }
    return (await found.command.run(ctx)) ?? exitCodes.ok
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // parseArgs quotes a stray argument, which may be content (an unquoted name): never echo it.
      const message = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
        ? 'unexpected argument (quote values that contain spaces, or use --stdin-json)'
        : (error as Error).message
      process.stderr.write(`sestra: ${message}\nUsage: ${found.command.usage}\n`)
      return exitCodes.usage
    }
    const sestraError = error instanceof SestraError ? error : toSestraError(error)
    // One plain line, never a stack trace or a secret.
    process.stderr.write(`sestra: ${describeError(sestraError, lang)}\n`)
    return exitCodeFor(sestraError.code)
  }
}

process.exitCode = await main(process.argv.slice(2))
