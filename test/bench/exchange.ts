/*
 * Export to an ally and restore from a bundle, as the app runs them (age in
 * its worker thread), against the reference pipelines on the same files in
 * the same run: `tar -c | age -r` and `age -d | tar -x`. Every run, ours and
 * the references, is its own process, so no run inherits another's memory
 * or switched-on settings.
 *
 * BENCH_EXCHANGE_MIB (default 1024) in BENCH_EXCHANGE_FILES files (default
 * 200); BENCH_EXCHANGE_RUNS (default 2) runs of each, the fastest counts.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { createVault, unlockVault } from '../../main/vault/vault'
import type { KdfParams } from '../../main/vault/kdf'
import { ageKeygen } from '../support/ageCli'
import { buildApp } from './builtApp'
import type { ExchangeJob, ExchangeRun } from './exchangeChild'

type Report = (figure: string, fields: Record<string, unknown>) => void

const totalMiB = Number(process.env.BENCH_EXCHANGE_MIB ?? 1024)
const fileCount = Number(process.env.BENCH_EXCHANGE_FILES ?? 200)
const runs = Number(process.env.BENCH_EXCHANGE_RUNS ?? 2)
const passphrase = 'benchmark passphrase for exchange'
/** What calibration picks on most machines: memory goes up to 256 MiB first. */
const appKdf: KdfParams = { memoryKiB: 256 * 1024, timeCost: 3, parallelism: 4 }
const kdfMiB = appKdf.memoryKiB / 1024
/** The goal: peak RSS at most the KDF's memory plus 150 MB. */
const rssGoalMiB = kdfMiB + 150e6 / 2 ** 20
const execFileAsync = promisify(execFile)
const round = (n: number, digits = 1) => Number(n.toFixed(digits))

/** Random bytes, nothing compresses: a fresh first piece so no two files are alike, then reused pieces. */
function fileBytes(size: number, shared: Buffer): Uint8Array[] {
  const pieces: Uint8Array[] = [randomBytes(Math.min(size, 64 * 1024))]
  for (let at = pieces[0]!.length; at < size; at += shared.length) pieces.push(shared.subarray(0, Math.min(shared.length, size - at)))
  return pieces
}

async function prepare(root: string) {
  const shared = randomBytes(1024 * 1024)
  const size = Math.floor((totalMiB * 2 ** 20) / fileCount)
  const vault = join(root, 'exchange-source')
  const plainDir = join(root, 'exchange-plain')
  await mkdir(plainDir)
  await createVault(vault, passphrase, { kdf: appKdf })
  const open = await unlockVault(vault, passphrase)
  try {
    for (let i = 0; i < fileCount; i++) {
      const name = `evidence-${String(i).padStart(3, '0')}.bin`
      // The same bytes into the vault and onto disk, for the references.
      const pieces = fileBytes(size, shared)
      await open.store.files.add({ name, mime: 'application/octet-stream', modifiedAt: null }, Readable.from(pieces))
      await pipeline(Readable.from(pieces), createWriteStream(join(plainDir, name)))
    }
  } finally {
    open.lock()
  }
  const keyFile = join(root, 'exchange-ally.key')
  const recipient = await ageKeygen(keyFile)
  const identity = (await readFile(keyFile, 'utf8')).split('\n').find((line) => line.startsWith('AGE-SECRET-KEY-1'))!
  return { vault, plainDir, keyFile, recipient, identity }
}

async function child(job: ExchangeJob): Promise<ExchangeRun> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'exchangeChild.ts'), JSON.stringify(job)], {
    maxBuffer: 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ExchangeRun
}

/** Runs a reference pipeline; its wall time, and the CPU time of all its processes (from /usr/bin/time). */
async function shell(script: string, args: string[]): Promise<{ ms: number; cpuMs: number }> {
  const start = performance.now()
  const { stderr } = await execFileAsync('/usr/bin/time', ['-f', 'cpu %U %S', 'sh', '-c', script, 'sh', ...args])
  const ms = performance.now() - start
  const [user, system] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr)!.slice(1).map(Number) as [number, number]
  return { ms, cpuMs: (user + system) * 1000 }
}

const fastest = <T extends { ms: number }>(results: T[]) => results.reduce((a, b) => (b.ms < a.ms ? b : a))

export async function benchExchange(root: string, report: Report): Promise<void> {
  await buildApp()
  const { vault, plainDir, keyFile, recipient, identity } = await prepare(root)
  const bundle = join(root, 'exchange.age')
  const reference = join(root, 'exchange-reference.age')
  const ours: { export: ExchangeRun[]; restore: ExchangeRun[] } = { export: [], restore: [] }
  const theirs: { export: { ms: number; cpuMs: number }[]; restore: { ms: number; cpuMs: number }[] } = { export: [], restore: [] }
  for (let run = 0; run < runs; run++) {
    await rm(bundle, { force: true })
    ours.export.push(await child({ op: 'export', vault, passphrase, recipient, out: bundle, engine: 'worker' }))
    await rm(reference, { force: true })
    theirs.export.push(await shell('tar -c -f - -C "$1" . | age -r "$2" -o "$3"', [plainDir, recipient, reference]))

    const restored = join(root, `exchange-restored-${run}`)
    ours.restore.push(await child({ op: 'restore', bundle, identity, vault: restored, passphrase, kdf: appKdf, engine: 'worker' }))
    await rm(restored, { recursive: true, force: true })
    const extracted = join(root, `exchange-extracted-${run}`)
    await mkdir(extracted)
    theirs.restore.push(await shell('age -d -i "$1" "$2" | tar -x -f - -C "$3"', [keyFile, reference, extracted]))
    await rm(extracted, { recursive: true, force: true })
  }
  const rate = (ms: number) => round(totalMiB / (ms / 1000))
  for (const op of ['export', 'restore'] as const) {
    const best = fastest(ours[op])
    const reference = fastest(theirs[op])
    const ratio = round(reference.ms / best.ms, 2)
    const peakRss = Math.max(...ours[op].map((r) => r.peakRssMiB))
    const worstDelay = Math.max(...ours[op].map((r) => r.worstEventLoopDelayMs))
    const worst = (of: (run: ExchangeRun) => number) => round(Math.max(...ours[op].map(of)))
    report(`exchange_${op}`, {
      sizeMiB: totalMiB,
      files: fileCount,
      mibPerSec: rate(best.ms),
      reference: op === 'export' ? 'tar -c | age -r' : 'age -d | tar -x',
      referenceMibPerSec: rate(reference.ms),
      ratio,
      ratioWithKdf: round(reference.ms / best.totalMs, 2),
      // CPU seconds per GiB, every thread and process counted: on a shared machine the clock also measures the neighbours.
      cpuSecPerGiB: round(best.cpuMs / totalMiB, 2),
      referenceCpuSecPerGiB: round(reference.cpuMs / totalMiB, 2),
      cpuRatio: round(reference.cpuMs / best.cpuMs, 2),
      // Unlock (export) or creating the new vault (restore) runs Argon2id of this size, inside the time and the memory.
      kdfMiB,
      peakRssMiB: round(peakRss),
      worstEventLoopDelayMs: round(worstDelay),
      // The same while the bytes flow: what is left is creating the new vault and the final commit (restore), or listing the rows (export).
      worstStreamingDelayMs: worst((r) => r.worstStreamingDelayMs),
      worstBeforeStreamingDelayMs: worst((r) => r.worstBeforeStreamingDelayMs),
      worstAfterStreamingDelayMs: worst((r) => r.worstAfterStreamingDelayMs),
      runs: ours[op].map((r) => rate(r.ms)),
      referenceRuns: theirs[op].map((r) => rate(r.ms)),
      goal: `at least 0.5x the reference, peak RSS at most the KDF's ${kdfMiB} MiB plus 150 MB, worst event-loop delay under 100 ms`,
      met: ratio >= 0.5 && peakRss <= rssGoalMiB && worstDelay < 100,
    })
  }
}
