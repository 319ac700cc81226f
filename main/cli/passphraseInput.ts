import { createInterface } from 'node:readline/promises'

/**
 * Passphrases never come from arguments (they would land in shell history and
 * in `ps`). From a pipe they are read one per line; at a terminal they are
 * typed without echo.
 */
export interface PassphraseSource {
  /** The next passphrase, or null when a pipe has no more lines. */
  next(prompt: string): Promise<string | null>
  /**
   * Record content for --stdin-json: the last line of a pipe (after the
   * passphrase lines; null when the pipe is empty), or a line typed at a terminal.
   */
  lastLine(): Promise<string | null>
}

export function stdinPassphrases(stdin: NodeJS.ReadStream = process.stdin, stderr = process.stderr): PassphraseSource {
  if (stdin.isTTY) return { next: (prompt) => promptHidden(prompt, stdin, stderr), lastLine: () => promptLine(stdin, stderr) }
  let lines: Promise<string[]> | null = null
  const queue = () => (lines ??= readAll(stdin).then((text) => text.split('\n').map((l) => l.replace(/\r$/, ''))))
  return {
    async next() {
      const rest = await queue()
      const line = rest.shift()
      // A trailing newline leaves one empty string behind: that is "no more".
      return line === undefined || (line === '' && rest.length === 0) ? null : line
    },
    async lastLine() {
      const rest = await queue()
      if (rest.at(-1) === '') rest.pop()
      return rest.pop() ?? null
    },
  }
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

/** Shown as typed, so a mistake can be seen; it never reaches the shell history. */
async function promptLine(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  const reader = createInterface({ input: stdin, output: stderr, terminal: true, historySize: 0 })
  try {
    return await reader.question('Options as JSON, on one line: ')
  } finally {
    reader.close()
  }
}

function promptHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve) => {
    // Echo off before the prompt shows: whatever is typed the moment it appears must not be echoed.
    stdin.setRawMode(true)
    stderr.write(prompt)
    let typed = ''
    stdin.resume()
    stdin.setEncoding('utf8')
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          stderr.write('\n')
          resolve(typed)
          return
        }
        if (char === '\u0003') {
          stdin.setRawMode(false)
          stderr.write('\n')
          process.exit(130)
        }
        typed = char === '\u007f' || char === '\b' ? [...typed].slice(0, -1).join('') : typed + char
      }
    }
    stdin.on('data', onData)
  })
}
