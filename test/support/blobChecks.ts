import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Database } from '../../main/vault/database'
import type { OpenVault } from '../../main/vault/vault'

/**
 * The blob store's promise after a crash and a reopen: no temporary file,
 * every key row has its blob and every blob its key row, and each stored
 * file still reads back as the hash recorded for it. Returns what is wrong.
 */
export async function blobProblems(dir: string, vault: OpenVault, raw: () => Database): Promise<string[]> {
  const problems: string[] = []
  const names = (await readdir(join(dir, 'blobs'))).sort()
  const db = raw()
  const rows = (db.prepare('SELECT blob FROM file_blobs', { pluck: true }).all() as string[]).sort()
  db.close()
  for (const name of names) if (!rows.includes(name)) problems.push(`blob without a row: ${name}`)
  for (const row of rows) if (!names.includes(row)) problems.push(`row without a blob: ${row}`)
  for (const file of vault.store.files.list()) {
    const found = await vault.store.files.check(file.id)
    if (found !== null) problems.push(`${file.name}: ${found}`)
  }
  return problems
}

/**
 * Runs a child and kills it with SIGKILL after `killAfterMs` (or once a
 * stdout line matches `killOn`). Resolves with its stdout and whether it
 * finished before the kill.
 */
export function runAndKill(
  args: string[],
  stdin: string,
  options: { killAfterMs?: number; killOn?: (line: string) => boolean; env?: NodeJS.ProcessEnv },
): Promise<{ finished: boolean; stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, LANG: 'C', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let killed = false
    const kill = () => {
      if (child.exitCode !== null || killed) return
      killed = true
      child.kill('SIGKILL')
    }
    const timer = options.killAfterMs === undefined ? null : setTimeout(kill, options.killAfterMs)
    child.stdout.on('data', (d: Buffer) => {
      stdout += d
      if (options.killOn && stdout.split('\n').some(options.killOn)) kill()
    })
    child.stderr.resume()
    child.on('error', reject)
    child.on('close', (code) => {
      if (timer) clearTimeout(timer)
      resolve({ finished: !killed, stdout, code })
    })
    child.stdin.end(stdin)
  })
}
