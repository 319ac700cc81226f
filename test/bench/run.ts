/*
 * `npm run bench`: one JSON line per figure. Goals are reported next to the
 * numbers (`goal`, `met`), never asserted: timings on a shared 2-core machine
 * are noise for a test, but the ratios in one run are comparable.
 *
 * BENCH_FILE_MB (default 256) sizes the streamed import and the evidence
 * import, `file cat` and verify (the figure is 1 GB: BENCH_FILE_MB=1024);
 * BENCH_LARGE_VAULT_MB (default 2048) sizes the large vault wiped at the end;
 * BENCH_EXCHANGE_MIB (default 1024) sizes the vault exported and restored as a
 * bundle (test/bench/exchange.ts); BENCH_CLI_RUNS the CLI start (cliStart.ts).
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { calibrateKdf, minimumKdf } from '../../main/vault/kdf'
import { createVault, unlockVault } from '../../main/vault/vault'
import { wipeVault } from '../../main/vault/wipe'
import { benchCliStart } from './cliStart'
import type { TableFigures } from './contactsChild'
import { benchDuress } from './duress'
import { benchExchange } from './exchange'
import { benchFiles } from './files'
import { benchReadinessAndSearch } from './readiness'

const fileMiB = Number(process.env.BENCH_FILE_MB ?? 256)
const largeVaultMiB = Number(process.env.BENCH_LARGE_VAULT_MB ?? 2048)
const passphrase = 'benchmark passphrase'

// Peak RSS of the whole run, and of the phase running now (reset per phase).
let peakRssMiB = 0
let phasePeakRssMiB = 0
const sampleRss = () => {
  const rss = process.memoryUsage.rss() / 2 ** 20
  peakRssMiB = Math.max(peakRssMiB, rss)
  phasePeakRssMiB = Math.max(phasePeakRssMiB, rss)
}
const rssTimer = setInterval(sampleRss, 20)
const startPhase = () => {
  phasePeakRssMiB = 0
  sampleRss()
}

function report(figure: string, fields: Record<string, unknown>) {
  console.log(JSON.stringify({ figure, ...fields }))
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

async function timed<T>(task: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await task()
  return [value, performance.now() - start]
}

async function benchUnlock(root: string) {
  const kdf = await calibrateKdf()
  const dir = join(root, 'calibrated')
  await createVault(dir, passphrase, { kdf })
  const [vault, ms] = await timed(() => unlockVault(dir, passphrase))
  vault.lock()
  report('unlock_calibrated_kdf', { ms: round(ms), kdf, goal: '500-1000 ms', met: ms >= 400 && ms <= 1200 })
  await benchDuress(root, kdf, report)
}

/** One side of the contacts benchmark in a process of its own: `cipher_memory_security` would otherwise reach the plain side too. */
async function contactsIn(side: 'encrypted' | 'plain', root: string): Promise<TableFigures> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'contactsChild.ts'), side, root], { maxBuffer: 1024 * 1024 })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as TableFigures
}

async function benchContactsEncryptedVsPlain(root: string) {
  const encrypted = await contactsIn('encrypted', root)
  const plain = await contactsIn('plain', root)
  report('contacts_100k_insert', {
    encryptedPerSec: encrypted.insertPerSec,
    plainPerSec: plain.insertPerSec,
    ratio: round(plain.insertPerSec / encrypted.insertPerSec, 2),
  })
  const listRatio = encrypted.firstPageMs / plain.firstPageMs
  report('contacts_100k_first_page', {
    encryptedMs: round(encrypted.firstPageMs),
    plainMs: round(plain.firstPageMs),
    ratio: round(listRatio, 2),
    goal: 'under 50 ms, within 2x of plain',
    met: encrypted.firstPageMs < 50 && listRatio <= 2,
  })
  const searchRatio = encrypted.searchMs / plain.searchMs
  report('contacts_100k_search', {
    encryptedMedianMs: round(encrypted.searchMs),
    plainMedianMs: round(plain.searchMs),
    ratio: round(searchRatio, 2),
    encryptedFirstMs: round(encrypted.searchFirstMs),
    plainFirstMs: round(plain.searchFirstMs),
    goal: 'within 2x of plain',
    met: searchRatio <= 2,
  })
  const lookupRatio = encrypted.pointLookupsMs / plain.pointLookupsMs
  report('contacts_10k_point_lookups', {
    encryptedMs: round(encrypted.pointLookupsMs),
    plainMs: round(plain.pointLookupsMs),
    ratio: round(lookupRatio, 2),
    goal: 'within 2x of plain',
    met: lookupRatio <= 2,
  })
}

async function* generated(totalMiB: number): AsyncGenerator<Uint8Array> {
  // Random bytes, so nothing compresses; reused, so generation costs nothing.
  const piece = randomBytes(64 * 1024)
  for (let i = 0; i < totalMiB * 16; i++) yield piece
}

async function fillVault(dir: string, mib: number) {
  await createVault(dir, passphrase, { kdf: minimumKdf })
  const vault = await unlockVault(dir, passphrase)
  try {
    return await timed(() => vault.store.files.add({ name: 'video.mp4', mime: 'video/mp4', modifiedAt: null }, generated(mib)))
  } finally {
    vault.lock()
  }
}

async function benchFileImport(root: string) {
  startPhase()
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  const [, ms] = await fillVault(join(root, 'import'), fileMiB)
  delay.disable()
  const worstMs = delay.max / 1e6
  report('file_import_event_loop', {
    sizeMiB: fileMiB,
    mibPerSec: round(fileMiB / (ms / 1000)),
    worstEventLoopDelayMs: round(worstMs),
    peakRssMiB: round(phasePeakRssMiB),
    goal: 'worst delay under 100 ms, peak RSS under 300 MB',
    met: worstMs < 100 && phasePeakRssMiB < 300,
  })
}

async function benchWipe(root: string) {
  for (const mib of [10, largeVaultMiB]) {
    const dir = join(root, `wipe-${mib}`)
    await fillVault(dir, mib)
    const start = performance.now()
    const timings = await wipeVault(dir)
    const totalMs = performance.now() - start
    report('wipe', {
      vaultMiB: mib,
      headerDestroyedMs: round(timings.headerDestroyedMs, 2),
      databaseRemovedMs: round(timings.databaseRemovedMs, 2),
      blobsRemovedMs: round(timings.blobsRemovedMs, 2),
      filesRemovedMs: round(timings.filesRemovedMs, 2),
      totalMs: round(totalMs),
      goal: 'header destroyed under 50 ms; all gone under 1 s',
      met: timings.headerDestroyedMs < 50 && totalMs < 1000,
    })
  }
}

const root = await mkdtemp(join(tmpdir(), 'sestra-bench-'))
try {
  // The import runs first: RSS never shrinks back, so its peak is only
  // meaningful before the 256 MiB KDF and the 100,000 contacts.
  await benchFileImport(root)
  await benchFiles(root, fileMiB, { report, startPhase, phasePeakRssMiB: () => phasePeakRssMiB })
  await benchExchange(root, report)
  await benchCliStart(root, report)
  await benchUnlock(root)
  await benchContactsEncryptedVsPlain(root)
  await benchReadinessAndSearch(root, report)
  await benchWipe(root)
  sampleRss()
  report('peak_rss_whole_run', { mib: round(peakRssMiB), note: 'includes 100,000 contacts held by the benchmark itself' })
} finally {
  clearInterval(rssTimer)
  await rm(root, { recursive: true, force: true })
}
