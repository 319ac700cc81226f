import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
// age-encryption's own STREAM, by file: its package exports only the index.
import { encryptSTREAM } from '../../node_modules/age-encryption/dist/stream.js'
import {
  chunkCount,
  openChunk,
  sealedChunkSize,
  sealedLength,
  StreamDamagedError,
  StreamDecryptor,
  StreamEncryptor,
  streamChunkSize,
} from '../../main/crypto/stream'

const sizes = [0, 1, streamChunkSize - 1, streamChunkSize, streamChunkSize + 1, 3 * streamChunkSize, 3 * streamChunkSize + 17]

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

function seal(key: Buffer, plaintext: Buffer, seed = 1): Buffer {
  const encryptor = new StreamEncryptor(key)
  const out = pieces(plaintext, seed).flatMap((p) => encryptor.push(p))
  return Buffer.concat([...out, ...encryptor.finish()])
}

function open(key: Buffer, sealed: Buffer, seed = 3): Buffer {
  const decryptor = new StreamDecryptor(key)
  const out = pieces(sealed, seed).flatMap((p) => decryptor.push(p))
  return Buffer.concat([...out, decryptor.finish()])
}

async function ageSeal(key: Buffer, plaintext: Buffer): Promise<Buffer> {
  const stream = new Blob([plaintext]).stream().pipeThrough(encryptSTREAM(key))
  return Buffer.from(await new Response(stream).arrayBuffer())
}

describe('STREAM on the native cipher', () => {
  it.each(sizes)('is byte-identical to age-encryption and round-trips (%i bytes)', async (size) => {
    const key = randomBytes(32)
    const plaintext = randomBytes(size)
    const sealed = seal(key, plaintext)
    expect(sealed.length).toBe(sealedLength(size))
    expect(sealed.equals(await ageSeal(key, plaintext))).toBe(true)
    expect(open(key, sealed).equals(plaintext)).toBe(true)
  })

  it('opens any chunk on its own by its position', () => {
    const key = randomBytes(32)
    const plaintext = randomBytes(3 * streamChunkSize + 100)
    const sealed = seal(key, plaintext)
    const count = chunkCount(plaintext.length)
    for (let i = count - 1; i >= 0; i--) {
      const chunk = openChunk(key, i, i === count - 1, sealed.subarray(i * sealedChunkSize, (i + 1) * sealedChunkSize))
      expect(chunk.equals(plaintext.subarray(i * streamChunkSize, (i + 1) * streamChunkSize))).toBe(true)
    }
    expect(() => openChunk(key, 1, false, sealed.subarray(0, sealedChunkSize))).toThrow(StreamDamagedError)
    expect(() => openChunk(key, 0, true, sealed.subarray(0, sealedChunkSize))).toThrow(StreamDamagedError)
  })

  it('refuses a flipped byte, a wrong key, a truncation at a chunk border and an appended chunk', () => {
    const key = randomBytes(32)
    const sealed = seal(key, randomBytes(2 * streamChunkSize + 5))
    for (const at of [0, sealedChunkSize - 1, sealedChunkSize + 9, sealed.length - 1]) {
      const damaged = Buffer.from(sealed)
      damaged[at]! ^= 1
      expect(() => open(key, damaged)).toThrow(StreamDamagedError)
    }
    expect(() => open(randomBytes(32), sealed)).toThrow(StreamDamagedError)
    expect(() => open(key, sealed.subarray(0, 2 * sealedChunkSize))).toThrow(StreamDamagedError)
    const full = seal(key, randomBytes(streamChunkSize))
    expect(() => open(key, Buffer.concat([full, seal(key, Buffer.alloc(0))]))).toThrow(StreamDamagedError)
  })

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new StreamEncryptor(randomBytes(16))).toThrow(RangeError)
  })
})
