import type { Command } from './command'
import { exitCodeMeanings } from './exitCodes'

const notes = [
  'Passphrases are never arguments: at a terminal they are typed without echo; from a pipe they are read one per line.',
  'Arguments land in the shell history and in `ps`. With --stdin-json a command reads its options from standard input',
  'instead: one JSON object on the last line, after the passphrase lines, e.g. {"name": "...", "phone": ["..."]};',
  '"arguments" holds what follows the options, e.g. {"arguments": ["/path/to/file"]} for file add.',
  'At a terminal, --stdin-json asks for that line first, then the passphrase.',
  'Run the CLI as `sestra` or `node out/main/cli.js`, never through `npm run` (npm logs the whole command line).',
]

const exitCodeLines = () => Object.entries(exitCodeMeanings).map(([code, meaning]) => `  ${code}  ${meaning}`)

export function generalHelp(commands: readonly Command[]): string {
  return [
    'Usage: sestra COMMAND [OPTIONS]   (sestra COMMAND --help for one command)',
    '',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    ...notes,
    '',
    'Exit codes:',
    ...exitCodeLines(),
    '',
  ].join('\n')
}

export function commandHelp(command: Command): string {
  return [`Usage: ${command.usage}`, ...(command.help ? ['', command.help] : []), '', ...notes, ''].join('\n')
}
