import { join } from 'node:path'
import { prepareFreshDatabases } from '../../main/vault/freshDatabase'
import type { KdfParams } from '../../main/vault/kdf'
import { createVault, setDuressPassphrase, unlockVault } from '../../main/vault/vault'

type Report = (figure: string, fields: Record<string, unknown>) => void

const passphrase = 'benchmark real passphrase'
const duress = 'benchmark duress passphrase'
const runs = 5

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function timedUnlock(dir: string, typed: string): Promise<number> {
  const start = performance.now()
  const vault = await unlockVault(dir, typed)
  const ms = performance.now() - start
  vault.lock()
  return ms
}

/**
 * Someone watching must not tell the duress passphrase from the real one by
 * how long the unlock takes: the whole duress path (wipe, a fresh vault, open
 * it) against a normal unlock, same Argon2id parameters, medians of five.
 */
export async function benchDuress(root: string, kdf: KdfParams, report: Report): Promise<void> {
  // The app prepares the fresh vault's schema at start (freshDatabase.ts).
  await prepareFreshDatabases()
  const normal: number[] = []
  const wiped: number[] = []
  for (let i = 0; i < runs; i++) {
    const dir = join(root, `duress-${kdf.memoryKiB}-${kdf.timeCost}-${i}`)
    await createVault(dir, passphrase, { kdf })
    await setDuressPassphrase(dir, passphrase, duress)
    normal.push(await timedUnlock(dir, passphrase))
    wiped.push(await timedUnlock(dir, duress))
  }
  const ratio = median(wiped) / median(normal)
  report('duress_unlock', {
    normalMs: Math.round(median(normal)),
    duressMs: Math.round(median(wiped)),
    ratio: Number(ratio.toFixed(2)),
    kdf,
    goal: 'duress path within 1.5x of a normal unlock',
    met: ratio <= 1.5,
  })
}
