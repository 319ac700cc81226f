import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
// age-encryption's own STREAM, by file: its package exports only the index.
import { encryptSTREAM } from '../../node_modules/age-encryption/dist/stream.js'
import { openChunks, releaseRun, sealChunks } from '../../main/crypto/chunkWorkers'
import {
  chunkCount,
  sealedChunkSize,
  sealedLength,
  StreamDamagedError,
  StreamDecryptor,
  StreamEncryptor,
  streamChunkSize,
} from '../../main/crypto/stream'

/** Up to runs of 16 chunks on the workers, and many runs in flight at once (the last size). */
const sizes = [0, 1, streamChunkSize - 1, streamChunkSize, streamChunkSize + 1, 3 * streamChunkSize, 3 * streamChunkSize + 17, 16 * streamChunkSize, 16 * streamChunkSize + 1, 150 * streamChunkSize + 3]

/** Cuts `bytes` into pieces of varying sizes, so chunk borders fall anywhere in a piece. */
function pieces(bytes: Buffer, seed: number): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0, n = seed; at < bytes.length; n = (n * 7919 + 13) % 200_003) {
    const size = 1 + (n % (2 * sealedChunkSize))
    out.push(bytes.subarray(at, at + size))
    at += size
  }
  return out
}

/** Every piece through `pipeline`, then its end: the bytes in the order they came out. */
async function run(pipeline: StreamEncryptor | StreamDecryptor, input: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = []
  for (const piece of input) out.push(...(await pipeline.push(piece)))
  out.push(...(await pipeline.finish()))
  return Buffer.concat(out)
}

const seal = (key: Buffer, plaintext: Buffer, seed = 1) => run(new StreamEncryptor(key), pieces(plaintext, seed))
const open = (key: Buffer, sealed: Buffer, seed = 3) => run(new StreamDecryptor(key), pieces(sealed, seed))

async function ageSeal(key: Buffer, plaintext: Buffer): Promise<Buffer> {
  const stream = new Blob([plaintext]).stream().pipeThrough(encryptSTREAM(key))
  return Buffer.from(await new Response(stream).arrayBuffer())
}

describe('STREAM on the native cipher', () => {
  it.each(sizes)('is byte-identical to age-encryption and round-trips (%i bytes)', async (size) => {
    const key = randomBytes(32)
    const plaintext = randomBytes(size)
    const sealed = await seal(key, plaintext)
    expect(sealed.length).toBe(sealedLength(size))
    expect(sealed.equals(await ageSeal(key, plaintext))).toBe(true)
    expect((await open(key, sealed)).equals(plaintext)).toBe(true)
    // The pipelines copied what they were given: the caller's bytes are still there.
    expect(plaintext.length).toBe(size)
  })

  it('opens any chunk on its own by its position', async () => {
    const key = randomBytes(32)
    const plaintext = randomBytes(3 * streamChunkSize + 100)
    const sealed = await seal(key, plaintext)
    const count = chunkCount(plaintext.length)
    const chunk = (i: number) => sealed.subarray(i * sealedChunkSize, (i + 1) * sealedChunkSize)
    for (let i = count - 1; i >= 0; i--) {
      const opened = await openChunks(key, i, count - 1, chunk(i))
      expect(opened.equals(plaintext.subarray(i * streamChunkSize, (i + 1) * streamChunkSize))).toBe(true)
    }
    await expect(openChunks(key, 1, count - 1, chunk(0))).rejects.toThrow(new StreamDamagedError('stream chunk 1 fails authentication'))
    await expect(openChunks(key, 0, 0, chunk(0))).rejects.toThrow(StreamDamagedError)
    // A slice of a larger buffer is copied, never taken from its owner.
    expect(chunk(1).length).toBe(sealedChunkSize)
  })

  it('refuses a flipped byte, a wrong key, a truncation at a chunk border and an appended chunk', async () => {
    const key = randomBytes(32)
    const sealed = await seal(key, randomBytes(2 * streamChunkSize + 5))
    for (const at of [0, sealedChunkSize - 1, sealedChunkSize + 9, sealed.length - 1]) {
      const damaged = Buffer.from(sealed)
      damaged[at]! ^= 1
      await expect(open(key, damaged)).rejects.toThrow(StreamDamagedError)
    }
    await expect(open(randomBytes(32), sealed)).rejects.toThrow(StreamDamagedError)
    await expect(open(key, sealed.subarray(0, 2 * sealedChunkSize))).rejects.toThrow(StreamDamagedError)
    const full = await seal(key, randomBytes(streamChunkSize))
    await expect(open(key, Buffer.concat([full, await seal(key, Buffer.alloc(0))]))).rejects.toThrow(StreamDamagedError)
  })

  it('refuses damage deep in a long stream, whichever run is in flight', async () => {
    const key = randomBytes(32)
    const sealed = await seal(key, randomBytes(100 * streamChunkSize))
    sealed[77 * sealedChunkSize + 3]! ^= 1
    await expect(open(key, sealed)).rejects.toThrow(new StreamDamagedError('stream chunk 77 fails authentication'))
  })

  it('takes back only whole outputs of its own jobs, zeroes the plaintext it keeps, and fills them again correctly', async () => {
    const key = randomBytes(32)
    const mine = Buffer.alloc(16 * streamChunkSize, 7)
    releaseRun(mine, true)
    expect(mine.every((b) => b === 7)).toBe(true)
    const sealed = await sealChunks(key, 0, -1, Buffer.from(mine))
    const opened = await openChunks(key, 0, -1, Buffer.from(sealed))
    releaseRun(opened.subarray(1), true)
    expect(opened[1]).toBe(7)
    releaseRun(opened, true)
    expect(opened.every((b) => b === 0)).toBe(true)
    expect((await openChunks(key, 0, -1, Buffer.from(sealed))).equals(mine)).toBe(true)
  })

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new StreamEncryptor(randomBytes(16))).toThrow(RangeError)
  })
})
