import { openChunks, OrderedJobs, runBuffer, runsInFlight, sealChunks } from './chunkWorkers'
import { chunkCount, sealedChunkSize, streamChunkSize } from './streamFormat'

/**
 * age's STREAM construction (the payload format of age v1, and of Sestra's
 * blobs) on node's native ChaCha20-Poly1305, about 15x faster than the
 * JavaScript cipher of `age-encryption`. The plaintext is cut into 64 KiB
 * chunks, each sealed with a 16-byte tag under the nonce
 * `11-byte big-endian counter || last flag (0x00 or 0x01)`. Only the last
 * chunk may be shorter than 64 KiB, and it is empty only when the whole
 * plaintext is. The key is 32 bytes; callers own it and zero it. The
 * cipher itself runs on worker threads (`chunkWorkers.ts`), a run of chunks
 * per job and several jobs in flight, so a stream uses every core.
 */
export { chunkCount, sealedChunkSize, sealedLength, StreamDamagedError, streamChunkSize, streamTagSize } from './streamFormat'

/** Chunks per job: 1 MiB of plaintext, large enough that a job's round trip is noise. */
const runChunks = 16

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new RangeError('stream key must be 32 bytes')
}

/**
 * Cuts pieces of any size into runs of one size, each in a buffer of its
 * own (a job takes its run over), holding the latest full run back until a
 * byte after it arrives: only then is it known not to be the last.
 */
class HeldRuns {
  readonly #size: number
  #pending: Buffer | null = null
  #filled = 0

  constructor(size: number) {
    this.#size = size
  }

  /** Hands `emit` every run now known not to be the last, in order. */
  cut(piece: Uint8Array, emit: (run: Buffer) => void): void {
    let at = 0
    while (at < piece.length) {
      if (this.#pending && this.#filled === this.#size) {
        emit(this.#pending)
        this.#pending = null
      }
      if (!this.#pending) {
        this.#pending = runBuffer(this.#size)
        this.#filled = 0
      }
      const taken = Math.min(this.#size - this.#filled, piece.length - at)
      this.#pending.set(piece.subarray(at, at + taken), this.#filled)
      this.#filled += taken
      at += taken
    }
  }

  /** The run held back: the last one, once the input has ended (empty if nothing came). */
  last(): Buffer {
    const pending = this.#pending
    this.#pending = null
    if (!pending || this.#filled === pending.length) return pending ?? Buffer.alloc(0)
    // A buffer of its own for the short run, and the long one zeroed: nothing of it stays behind for the collector.
    const last = Buffer.allocUnsafeSlow(this.#filled)
    pending.copy(last, 0, 0, this.#filled)
    pending.fill(0)
    return last
  }

  wipe(): void {
    this.#pending?.fill(0)
  }
}


/**
 * Base of both directions: runs of `runSize` bytes go to the workers in
 * order, and `push` and `finish` return the finished bytes, in order, as
 * soon as the pipeline is full enough to wait for them.
 */
abstract class StreamPipeline {
  protected readonly key: Buffer
  readonly #runs: HeldRuns
  readonly #jobs = new OrderedJobs<Buffer>()
  #counter = 0
  #finished = false

  constructor(key: Uint8Array, runSize: number) {
    checkKey(key)
    this.key = Buffer.from(key)
    this.#runs = new HeldRuns(runSize)
  }

  protected abstract chunksIn(run: Buffer): number
  protected abstract start(first: number, last: number, run: Buffer): Promise<Buffer>

  async push(piece: Uint8Array): Promise<Buffer[]> {
    if (this.#finished) throw new Error('stream already finished')
    this.#runs.cut(piece, (run) => this.#start(run, false))
    return this.#jobs.keep(runsInFlight)
  }

  /** The rest of the stream, the last chunk flagged; the key copy and held bytes are zeroed. */
  async finish(): Promise<Buffer[]> {
    if (this.#finished) throw new Error('stream already finished')
    this.#finished = true
    try {
      this.#start(this.#runs.last(), true)
      return await this.#jobs.keep(0)
    } finally {
      await this.wipe()
    }
  }

  /** Zeroes the key copy and the held bytes, once no job still needs them (also after an error). */
  async wipe(): Promise<void> {
    await this.#jobs.settle()
    this.#runs.wipe()
    this.key.fill(0)
  }

  #start(run: Buffer, last: boolean): void {
    const first = this.#counter
    this.#counter += Math.max(1, this.chunksIn(run))
    this.#jobs.add(this.start(first, last ? this.#counter - 1 : -1, run))
  }
}

/** Encrypts a stream of pieces of any size; `push` and `finish` return the sealed bytes to write, in order. */
export class StreamEncryptor extends StreamPipeline {
  constructor(key: Uint8Array) {
    super(key, runChunks * streamChunkSize)
  }

  protected chunksIn(run: Buffer): number {
    return chunkCount(run.length)
  }

  protected start(first: number, last: number, run: Buffer): Promise<Buffer> {
    return sealChunks(this.key, first, last, run)
  }
}

/**
 * Decrypts a stream of sealed pieces of any size whose end is known only
 * when it comes: what remains at `finish` holds the last chunk. A stream cut
 * at a chunk boundary therefore fails (its final chunk lacks the last flag).
 */
export class StreamDecryptor extends StreamPipeline {
  constructor(key: Uint8Array) {
    super(key, runChunks * sealedChunkSize)
  }

  protected chunksIn(run: Buffer): number {
    return Math.ceil(run.length / sealedChunkSize)
  }

  protected start(first: number, last: number, run: Buffer): Promise<Buffer> {
    return openChunks(this.key, first, last, run)
  }
}
