/*
 * How long the built CLI takes to answer `sestra status` without unlocking,
 * against `node -e 0` (Node's own start), each in its own process,
 * alternating, the median of BENCH_CLI_RUNS (default 21) counts.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { createVault } from '../../main/vault/vault'
import { buildApp, builtCli as cli } from './builtApp'

type Report = (figure: string, fields: Record<string, unknown>) => void

const runs = Number(process.env.BENCH_CLI_RUNS ?? 21)

function elapsedMs(args: string[]): number {
  const start = performance.now()
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' })
  const ms = performance.now() - start
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`)
  return ms
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!

export async function benchCliStart(root: string, report: Report): Promise<void> {
  await buildApp()
  const vault = join(root, 'cli-start-vault')
  await createVault(vault, 'benchmark passphrase for the cli', { kdf: 'minimum' })
  const status: number[] = []
  const bare: number[] = []
  for (let i = 0; i < runs; i++) {
    status.push(elapsedMs([cli, 'status', '--vault', vault]))
    bare.push(elapsedMs(['-e', '0']))
  }
  const ratio = median(status) / median(bare)
  report('cli_status_start', {
    statusMedianMs: Math.round(median(status)),
    nodeMedianMs: Math.round(median(bare)),
    ratio: Number(ratio.toFixed(2)),
    statusFastestMs: Math.round(Math.min(...status)),
    nodeFastestMs: Math.round(Math.min(...bare)),
    goal: '`sestra status` without unlock within 3x of `node -e 0`',
    met: ratio <= 3,
  })
}
