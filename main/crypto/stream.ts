import { createCipheriv, createDecipheriv } from 'node:crypto'

/**
 * age's STREAM construction (the payload format of age v1, and of Sestra's
 * blobs) on node's native ChaCha20-Poly1305, about 15x faster than the
 * JavaScript cipher of `age-encryption`. The plaintext is cut into 64 KiB
 * chunks, each sealed with a 16-byte tag under the nonce
 * `11-byte big-endian counter || last flag (0x00 or 0x01)`. Only the last
 * chunk may be shorter than 64 KiB, and it is empty only when the whole
 * plaintext is. The key is 32 bytes; callers own it and zero it.
 */
export const streamChunkSize = 64 * 1024
export const streamTagSize = 16
export const sealedChunkSize = streamChunkSize + streamTagSize

/** A chunk failed authentication or the stream's shape is wrong; callers name what was damaged. */
export class StreamDamagedError extends Error {}

const algorithm = 'chacha20-poly1305'
const options = { authTagLength: streamTagSize } as const

function nonce(counter: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12)
  // Counters beyond 2^53 chunks (512 PiB) never occur; the upper bytes stay zero.
  bytes.writeUIntBE(counter, 5, 6)
  bytes[11] = last ? 1 : 0
  return bytes
}

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new RangeError('stream key must be 32 bytes')
}

/** Seals one chunk (at most 64 KiB) as ciphertext followed by its tag. */
export function sealChunk(key: Uint8Array, counter: number, last: boolean, plaintext: Uint8Array): Buffer[] {
  const cipher = createCipheriv(algorithm, key, nonce(counter, last), options)
  const body = cipher.update(plaintext)
  cipher.final()
  return [body, cipher.getAuthTag()]
}

/** Opens chunk `counter` (ciphertext || tag); a wrong key, position, flag or any changed byte fails. */
export function openChunk(key: Uint8Array, counter: number, last: boolean, sealed: Uint8Array): Buffer {
  if (sealed.length < streamTagSize || sealed.length > sealedChunkSize) throw new StreamDamagedError('stream chunk length')
  const decipher = createDecipheriv(algorithm, key, nonce(counter, last), options)
  decipher.setAuthTag(sealed.subarray(sealed.length - streamTagSize))
  const plaintext = decipher.update(sealed.subarray(0, sealed.length - streamTagSize))
  try {
    decipher.final()
  } catch {
    plaintext.fill(0)
    throw new StreamDamagedError(`stream chunk ${counter} fails authentication`)
  }
  if (last && plaintext.length === 0 && counter > 0) throw new StreamDamagedError('empty last chunk')
  return plaintext
}

/** Length of the sealed stream for a plaintext of `length` bytes. */
export function sealedLength(length: number): number {
  return length + chunkCount(length) * streamTagSize
}

/** How many chunks a plaintext of `length` bytes takes (an empty one still has its empty last chunk). */
export function chunkCount(length: number): number {
  return Math.max(1, Math.ceil(length / streamChunkSize))
}

/**
 * Cuts pieces of any size into runs of one size, holding the latest full
 * run back until a byte after it arrives: only then is it known not to be
 * the last. Runs that lie whole inside a piece pass through without a copy.
 */
class HeldRuns {
  readonly #pending: Buffer
  #filled = 0

  constructor(size: number) {
    this.#pending = Buffer.alloc(size)
  }

  /** Hands `emit` every run now known not to be the last, in order. */
  cut(piece: Uint8Array, emit: (run: Uint8Array) => void): void {
    const size = this.#pending.length
    let at = 0
    while (at < piece.length) {
      if (this.#filled === size) {
        emit(this.#pending)
        this.#filled = 0
      }
      if (this.#filled === 0 && piece.length - at > size) {
        emit(piece.subarray(at, at + size))
        at += size
        continue
      }
      const taken = Math.min(size - this.#filled, piece.length - at)
      this.#pending.set(piece.subarray(at, at + taken), this.#filled)
      this.#filled += taken
      at += taken
    }
  }

  /** The run held back: the last one, once the input has ended. */
  last(): Buffer {
    return this.#pending.subarray(0, this.#filled)
  }

  wipe(): void {
    this.#pending.fill(0)
  }
}

/**
 * Encrypts a stream of pieces of any size. A full chunk is held back until
 * the next byte arrives, because only then is it known not to be the last.
 * `push` and `finish` return the sealed bytes to write, in order.
 */
export class StreamEncryptor {
  readonly #key: Buffer
  readonly #runs = new HeldRuns(streamChunkSize)
  #counter = 0
  #finished = false

  constructor(key: Uint8Array) {
    checkKey(key)
    this.#key = Buffer.from(key)
  }

  push(piece: Uint8Array): Buffer[] {
    if (this.#finished) throw new Error('stream already finished')
    const out: Buffer[] = []
    this.#runs.cut(piece, (run) => out.push(...sealChunk(this.#key, this.#counter++, false, run)))
    return out
  }

  /** Seals the last chunk and zeroes the key copy and the buffer. */
  finish(): Buffer[] {
    if (this.#finished) throw new Error('stream already finished')
    this.#finished = true
    const out = sealChunk(this.#key, this.#counter, true, this.#runs.last())
    this.wipe()
    return out
  }

  /** Zeroes the key copy and the held plaintext (also after an error). */
  wipe(): void {
    this.#runs.wipe()
    this.#key.fill(0)
  }
}

/**
 * Decrypts a stream of sealed pieces of any size whose end is known only
 * when it comes: a sealed chunk is opened as "not last" once more bytes
 * follow it, and what remains at `finish` is the last chunk. A stream cut
 * at a chunk boundary therefore fails (its final chunk lacks the last flag).
 */
export class StreamDecryptor {
  readonly #key: Buffer
  readonly #runs = new HeldRuns(sealedChunkSize)
  #counter = 0

  constructor(key: Uint8Array) {
    checkKey(key)
    this.#key = Buffer.from(key)
  }

  push(piece: Uint8Array): Buffer[] {
    const out: Buffer[] = []
    this.#runs.cut(piece, (run) => out.push(openChunk(this.#key, this.#counter++, false, run)))
    return out
  }

  finish(): Buffer {
    try {
      return openChunk(this.#key, this.#counter, true, this.#runs.last())
    } finally {
      this.wipe()
    }
  }

  wipe(): void {
    this.#runs.wipe()
    this.#key.fill(0)
  }
}
