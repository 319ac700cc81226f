/*
 * One export or restore of the exchange benchmark, alone in its process so
 * its peak RSS is its own: `node --import tsx test/bench/exchangeChild.ts
 * '<job as JSON>'`. Prints one JSON line: the streaming time (from the
 * first byte of the bundle to the end), the total time (with Argon2id, as the
 * user waits for it), peak RSS and the worst event-loop delay. age runs
 * as the app runs it, in its built worker, unless the job says `thread`
 * (the CLI's way).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import type { KdfParams } from '../../main/vault/kdf'
import { inThreadAge } from '../../main/exchange/ageEngine'
import { ageWorkerEngine } from '../../main/exchange/ageWorkerEngine'
import { exportBundle } from '../../main/exchange/exportBundle'
import { restoreBundle } from '../../main/exchange/restoreBundle'
import { prepareFreshDatabases } from '../../main/vault/freshDatabase'
import { unlockVault } from '../../main/vault/vault'
import { builtAgeWorker } from './builtApp'

export type ExchangeJob =
  | { op: 'export'; vault: string; passphrase: string; recipient: string; out: string; engine: 'worker' | 'thread' }
  | { op: 'restore'; bundle: string; identity: string; vault: string; passphrase: string; kdf: KdfParams; engine: 'worker' | 'thread' }

export interface ExchangeRun {
  ms: number
  totalMs: number
  /** CPU time of the whole process (every thread) while streaming: on a busy machine it says more than the clock. */
  cpuMs: number
  peakRssMiB: number
  worstEventLoopDelayMs: number
  /** The worst delay while bytes flowed, without the steps before and after (creating the vault, the final commit). */
  worstStreamingDelayMs: number
  /** The worst delay before the first byte (unlock, or creating the new vault) and after the last (the final commit). */
  worstBeforeStreamingDelayMs: number
  worstAfterStreamingDelayMs: number
}

/** Event-loop delays with the time each ended, to tell which phase held the loop. */
function delaySampler(everyMs = 10) {
  const delays: { at: number; ms: number }[] = []
  let expected = performance.now() + everyMs
  const timer = setInterval(() => {
    const now = performance.now()
    delays.push({ at: now, ms: Math.max(0, now - expected) })
    expected = now + everyMs
  }, everyMs)
  return {
    worstBetween: (from: number, to: number) => Math.max(0, ...delays.filter((d) => d.at >= from && d.at - d.ms <= to).map((d) => d.ms)),
    stop: () => clearInterval(timer),
  }
}

const job = JSON.parse(process.argv[2] ?? '') as ExchangeJob
const age = job.engine === 'worker' ? ageWorkerEngine(pathToFileURL(builtAgeWorker)) : inThreadAge
// The app builds the empty-schema template when it starts (vault/service.ts), long before a restore; so does this process, before the clock starts.
if (job.op === 'restore') await prepareFreshDatabases()
const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()
const sampler = delaySampler()
const start = performance.now()
let streamStart = 0
let lastPiece = 0
let cpuAtStart = process.cpuUsage()
const streaming = () => {
  lastPiece = performance.now()
  if (streamStart) return
  streamStart = lastPiece
  cpuAtStart = process.cpuUsage()
}
if (job.op === 'export') {
  const vault = await unlockVault(job.vault, job.passphrase)
  try {
    streaming()
    await exportBundle(vault.store, { selection: { kind: 'vault' }, to: { recipients: [job.recipient] }, out: job.out, age, onProgress: streaming })
  } finally {
    vault.lock()
  }
} else {
  // The first progress report comes with the first piece of plaintext, after the new vault's KDF.
  await restoreBundle(job.bundle, { identity: job.identity }, job.vault, job.passphrase, { kdf: job.kdf }, { age, onProgress: streaming })
}
const end = performance.now()
const cpu = process.cpuUsage(cpuAtStart)
delay.disable()
sampler.stop()
const run: ExchangeRun = {
  ms: end - streamStart,
  totalMs: end - start,
  cpuMs: (cpu.user + cpu.system) / 1000,
  // maxRSS is in KiB: the whole life of this process, loading the code included.
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  worstEventLoopDelayMs: delay.max / 1e6,
  worstStreamingDelayMs: sampler.worstBetween(streamStart, lastPiece),
  worstBeforeStreamingDelayMs: sampler.worstBetween(start, streamStart),
  worstAfterStreamingDelayMs: sampler.worstBetween(lastPiece, end),
}
console.log(JSON.stringify(run))
