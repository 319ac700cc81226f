import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'

export interface Harness {
  baseURL: string
  token: string
  /** What the person will pick in the next native dialog(s) the app opens. */
  scriptDialogs(answers: { open?: string[]; save?: string | null }): Promise<void>
  stop(): Promise<void>
}

const repoRoot = resolve(import.meta.dirname, '../../..')
const startTimeoutMs = 30_000

/**
 * Starts server.ts as its own Node process (tsx resolves main/'s extensionless
 * imports, which Playwright's loader may not) and waits for its READY line.
 */
export async function startHarness(dataDir: string): Promise<Harness> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/harness/server.ts', dataDir], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  try {
    const [port, token] = await readReady(child)
    const baseURL = `http://127.0.0.1:${port}`
    const scriptDialogs = async (answers: { open?: string[]; save?: string | null }) => {
      const response = await fetch(`${baseURL}/test/dialogs`, {
        method: 'POST',
        headers: { 'x-sestra-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(answers),
      })
      if (!response.ok) throw new Error(`scripting dialogs failed: ${response.status}`)
    }
    return { baseURL, token, scriptDialogs, stop: () => stop(child) }
  } catch (error) {
    await stop(child)
    throw new Error(`the e2e harness did not start: ${(error as Error).message}\n${stderr}`, { cause: error })
  }
}

async function readReady(child: ChildProcess): Promise<[string, string]> {
  if (!child.stdout) throw new Error('no stdout')
  const lines = createInterface({ input: child.stdout })
  const timer = setTimeout(() => child.kill('SIGKILL'), startTimeoutMs)
  try {
    for await (const line of lines) {
      const match = /^READY (\d+) ([0-9a-f]+)$/.exec(line)
      if (match?.[1] && match[2]) return [match[1], match[2]]
    }
    throw new Error(`exited with code ${child.exitCode}`)
  } finally {
    clearTimeout(timer)
    lines.close()
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}
