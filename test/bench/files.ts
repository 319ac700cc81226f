/**
 * Stored files against the tools a user would compare them with, each
 * reference in a process of its own, on the same file in the same run:
 * `file add` against `cp` then fsync, `file cat` against `cat`, `verify`
 * against `sha256sum`. The source is written first, so the references read
 * it from the page cache; `file cat` is also compared with reading the same
 * bytes from the disk itself (`dd iflag=direct`).
 */
import { execFile } from 'node:child_process'
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import { chunkWorkerCount } from '../../main/crypto/chunkWorkers'
import { intakeFile } from '../../main/evidence/intake'
import { writeStoredFile } from '../../main/evidence/writeStoredFile'
import { verifyVault } from '../../main/evidence/verify'
import { minimumKdf } from '../../main/vault/kdf'
import { createVault, unlockVault } from '../../main/vault/vault'

const execFileAsync = promisify(execFile)

export interface BenchTools {
  report: (figure: string, fields: Record<string, unknown>) => void
  startPhase: () => void
  phasePeakRssMiB: () => number
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits))

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await task()
  return [value, performance.now() - start]
}

async function writeRandom(path: string, mib: number): Promise<void> {
  const piece = randomBytes(1024 * 1024)
  await pipeline(Readable.from((function* () {
    for (let i = 0; i < mib; i++) yield piece
  })()), createWriteStream(path))
}

/**
 * What one core of this machine opens with node's native ChaCha20-Poly1305,
 * 64 KiB chunks in memory, times the chunk workers: no file, no hash, no
 * copy. `file cat` cannot beat it; it says whether a ratio against `cat`
 * (which only copies from the page cache) is reachable here at all.
 */
function decryptCeilingMibPerSec(): number {
  const key = randomBytes(32)
  const nonce = Buffer.alloc(12)
  const plaintext = randomBytes(64 * 1024)
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 })
  const sealed = cipher.update(plaintext)
  cipher.final()
  const tag = cipher.getAuthTag()
  const rounds = 2048
  const start = performance.now()
  for (let i = 0; i < rounds; i++) {
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 })
    decipher.setAuthTag(tag)
    decipher.update(sealed)
    decipher.final()
  }
  const oneCore = rounds / 16 / ((performance.now() - start) / 1000)
  return oneCore * chunkWorkerCount
}

export async function benchFiles(root: string, mib: number, tools: BenchTools): Promise<void> {
  const { report, startPhase, phasePeakRssMiB } = tools
  const source = join(root, 'files-source.bin')
  await writeRandom(source, mib)
  const rate = (ms: number) => round(mib / (ms / 1000))
  // `sync FILE` (coreutils) fsyncs that one file, as the vault does its blob.
  const [, cpMs] = await timed(() => execFileAsync('sh', ['-c', 'cp "$1" "$2" && sync "$2"', 'cp', source, join(root, 'files-cp.bin')]))
  const [, catRefMs] = await timed(() => execFileAsync('sh', ['-c', 'cat "$1" > /dev/null', 'cat', source]))
  // `cat` reads the source from the page cache (it was just written). The same bytes read from the
  // disk itself, around the cache, are what "at disk speed" means; blobs are read that way on Linux
  // (main/directFile.ts). Where O_DIRECT is refused, there is no such figure.
  const diskRefMs = await timed(() => execFileAsync('dd', [`if=${source}`, 'of=/dev/null', 'bs=16M', 'iflag=direct'])).then(([, ms]) => ms, () => null)
  const [, shaRefMs] = await timed(() => execFileAsync('sha256sum', [source]))

  const dir = join(root, 'files-vault')
  await createVault(dir, 'benchmark passphrase', { kdf: minimumKdf })
  const vault = await unlockVault(dir, 'benchmark passphrase')
  try {
    startPhase()
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const [file, addMs] = await timed(() => intakeFile(vault.store, source))
    delay.disable()
    const addRss = phasePeakRssMiB()
    startPhase()
    // As `sestra file cat` writes to its standard output.
    const sink = createWriteStream('/dev/null')
    const [, catMs] = await timed(() => writeStoredFile(vault.store, file.id, sink))
    sink.end()
    const catRss = phasePeakRssMiB()
    const [verified, verifyMs] = await timed(() => verifyVault(vault.store))
    const ceiling = decryptCeilingMibPerSec()
    const figures = [
      ['files_add', addMs, cpMs, 'cp + sync', 0.5, addRss],
      ['files_cat', catMs, catRefMs, 'cat', 0.5, catRss],
      ['files_verify', verifyMs, shaRefMs, 'sha256sum', 0.8, null],
    ] as const
    for (const [figure, ms, refMs, reference, goal, rss] of figures) {
      const ratio = round(refMs / ms, 2)
      report(figure, {
        sizeMiB: mib,
        mibPerSec: rate(ms),
        reference,
        referenceMibPerSec: rate(refMs),
        ratio,
        ...(rss === null ? { problems: verified.problems.length } : { peakRssMiB: round(rss) }),
        ...(figure === 'files_add' ? { worstEventLoopDelayMs: round(delay.max / 1e6) } : {}),
        ...(figure === 'files_cat'
          ? {
              decryptCeilingMibPerSec: round(ceiling),
              bestRatioThisMachine: round(ceiling / rate(refMs), 2),
              diskReference: 'dd iflag=direct',
              diskReferenceMibPerSec: diskRefMs === null ? null : rate(diskRefMs),
              ratioToDisk: diskRefMs === null ? null : round(diskRefMs / ms, 2),
            }
          : {}),
        goal: `at least ${goal}x ${reference}`,
        met: ratio >= goal,
      })
    }
  } finally {
    vault.lock()
  }
}
