import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

// SESTRA_TEST_CLI points at a private copy of the build (e.g. under .scratch/) when others rebuild out/ meanwhile.
export const cliPath = process.env.SESTRA_TEST_CLI ?? join(import.meta.dirname, '../../out/main/cli.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Put before the CLI, runs it as the unprivileged user nobody (the tests run as root here). */
export const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']

/** Runs the built CLI with `stdin` piped in (so passphrases come one per line), optionally under a wrapper command. */
export function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}, wrapper: string[] = []): Promise<CliResult> {
  if (!existsSync(cliPath)) throw new Error('out/main/cli.js is missing: run `npm run build` first')
  const [command, ...commandArgs] = [...wrapper, process.execPath, cliPath, ...args]
  return new Promise((resolve, reject) => {
    const child = spawn(command!, commandArgs, {
      env: { ...process.env, SESTRA_KDF: 'minimum', LANG: 'C', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end(stdin)
  })
}
