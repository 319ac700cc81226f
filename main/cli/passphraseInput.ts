/**
 * Passphrases never come from arguments (they would land in shell history and
 * in `ps`). From a pipe they are read one per line; at a terminal they are
 * typed without echo.
 */
export interface PassphraseSource {
  /** The next passphrase, or null when a pipe has no more lines. */
  next(prompt: string): Promise<string | null>
}

export function stdinPassphrases(stdin: NodeJS.ReadStream = process.stdin, stderr = process.stderr): PassphraseSource {
  if (stdin.isTTY) return { next: (prompt) => promptHidden(prompt, stdin, stderr) }
  let lines: Promise<string[]> | null = null
  return {
    async next() {
      lines ??= readAll(stdin).then((text) => text.split('\n').map((l) => l.replace(/\r$/, '')))
      const queue = await lines
      const line = queue.shift()
      // A trailing newline leaves one empty string behind: that is "no more".
      return line === undefined || (line === '' && queue.length === 0) ? null : line
    },
  }
}

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}

function promptHidden(prompt: string, stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream): Promise<string> {
  return new Promise((resolve) => {
    stderr.write(prompt)
    let typed = ''
    stdin.setRawMode(true)
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
