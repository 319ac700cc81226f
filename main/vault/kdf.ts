import { hashRaw } from '@node-rs/argon2'

/** Argon2id parameters as stored in the key-slot header. */
export interface KdfParams {
  memoryKiB: number
  timeCost: number
  parallelism: number
}

/** The floor the issue sets; calibration only ever goes up from here. */
export const minimumKdf: KdfParams = { memoryKiB: 64 * 1024, timeCost: 3, parallelism: 4 }

const maximumMemoryKiB = 256 * 1024 // old shared laptops: stay well under their RAM
const targetMs = 700

/** Derives the 32-byte key-encryption key. Runs on libuv's pool, not the event loop. */
export async function deriveKey(passphrase: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  return hashRaw(passphrase.normalize('NFC'), {
    algorithm: 2, // Argon2id
    memoryCost: params.memoryKiB,
    timeCost: params.timeCost,
    parallelism: params.parallelism,
    outputLen: 32,
    salt,
  })
}

export function isAcceptableKdf(p: KdfParams): boolean {
  return (
    p.memoryKiB >= minimumKdf.memoryKiB &&
    p.memoryKiB <= 4 * 1024 * 1024 &&
    p.timeCost >= minimumKdf.timeCost &&
    p.timeCost <= 1000 &&
    p.parallelism >= 1 &&
    p.parallelism <= 64
  )
}

/**
 * Picks parameters so one derivation takes about 0.7 s on this machine: memory
 * first (it is what hurts a GPU attacker most), then passes.
 */
export async function calibrateKdf(now: () => number = performance.now.bind(performance)): Promise<KdfParams> {
  const salt = Buffer.alloc(16, 1)
  const time = async (p: KdfParams): Promise<number> => {
    const start = now()
    const out = await deriveKey('calibration', salt, p)
    out.fill(0)
    return now() - start
  }
  // Each size is measured, not extrapolated, and the faster of two runs
  // counts: a busy moment during set-up must not weaken the vault for good.
  const fastest = async (p: KdfParams) => Math.min(await time(p), await time(p))
  let params = { ...minimumKdf }
  let elapsed = await fastest(params)
  while (elapsed * 2 <= targetMs && params.memoryKiB * 2 <= maximumMemoryKiB) {
    params = { ...params, memoryKiB: params.memoryKiB * 2 }
    elapsed = await fastest(params)
  }
  const perPass = elapsed / params.timeCost
  const passes = Math.max(minimumKdf.timeCost, Math.round(targetMs / Math.max(perPass, 1)))
  return { ...params, timeCost: Math.min(passes, 50) }
}
