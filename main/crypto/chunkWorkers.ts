import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { chunkCount, sealedChunkSize, StreamDamagedError, streamChunkSize, streamTagSize } from './streamFormat'

/**
 * The ChaCha20-Poly1305 work of age's STREAM (`stream.ts`), done on worker
 * threads: one core seals or opens at about 800 MiB/s, so a single thread
 * that also hashes, reads and writes caps every file operation well below
 * the disk. A job is a run of consecutive chunks; its bytes move to the
 * worker and back without a copy (transferred), and the worker zeroes the
 * key and any plaintext it was given once the job is done.
 *
 * The worker's code is this string rather than a file: the same source then
 * runs in the packaged app (no file to unpack from the asar), the CLI, tsx
 * and vitest, with nothing to locate on disk. It is plain CommonJS with
 * node's built-ins only; `test/unit/blobStream.test.ts` holds it to
 * age-encryption byte for byte.
 */
const workerSource = `
const { parentPort } = require('node:worker_threads')
const { createCipheriv, createDecipheriv } = require('node:crypto')
const chunk = ${streamChunkSize}
const tag = ${streamTagSize}
const options = { authTagLength: tag }

// age: an 11-byte big-endian counter, then 0x01 on the last chunk only.
function nonce(counter, last) {
  const bytes = Buffer.alloc(12)
  bytes.writeUIntBE(counter, 5, 6)
  bytes[11] = last ? 1 : 0
  return bytes
}

// A buffer the main thread sent back for reuse, when it is exactly the size needed.
function output(given, size) {
  return given && given.byteLength === size ? Buffer.from(given) : Buffer.allocUnsafeSlow(size)
}

function seal(key, first, last, input, given) {
  const count = Math.max(1, Math.ceil(input.length / chunk))
  const out = output(given, input.length + count * tag)
  let at = 0
  for (let i = 0; i < count; i++) {
    const cipher = createCipheriv('chacha20-poly1305', key, nonce(first + i, first + i === last), options)
    at += cipher.update(input.subarray(i * chunk, (i + 1) * chunk)).copy(out, at)
    cipher.final()
    at += cipher.getAuthTag().copy(out, at)
  }
  input.fill(0)
  return out
}

function open(key, first, last, input, given) {
  const step = chunk + tag
  const count = Math.max(1, Math.ceil(input.length / step))
  const out = output(given, Math.max(0, input.length - count * tag))
  let at = 0
  for (let i = 0; i < count; i++) {
    const counter = first + i
    const sealed = input.subarray(i * step, (i + 1) * step)
    if (sealed.length < tag) throw new Error('stream chunk length')
    const decipher = createDecipheriv('chacha20-poly1305', key, nonce(counter, counter === last), options)
    decipher.setAuthTag(sealed.subarray(sealed.length - tag))
    const plaintext = decipher.update(sealed.subarray(0, sealed.length - tag))
    try {
      decipher.final()
    } catch {
      plaintext.fill(0)
      out.fill(0)
      throw new Error('stream chunk ' + counter + ' fails authentication')
    }
    if (counter === last && plaintext.length === 0 && counter > 0) throw new Error('empty last chunk')
    at += plaintext.copy(out, at)
    plaintext.fill(0)
  }
  return out
}

parentPort.on('message', ({ id, op, key, first, last, data, out: given }) => {
  const keyBytes = Buffer.from(key)
  try {
    const out = (op === 'seal' ? seal : open)(keyBytes, first, last, Buffer.from(data), given)
    // The input goes back too (zeroed when it was plaintext), to be filled again rather than allocated.
    parentPort.postMessage({ id, data: out.buffer, spare: data }, [out.buffer, data])
  } catch (error) {
    parentPort.postMessage({ id, damage: String(error.message) })
  } finally {
    keyBytes.fill(0)
  }
})
`

interface Job {
  resolve: (bytes: Buffer) => void
  reject: (error: Error) => void
}

interface Reply {
  id: number
  data?: ArrayBuffer
  spare?: ArrayBuffer
  damage?: string
}

/**
 * Buffers given back (a job's input, a written output), kept for the run
 * sizes the pipelines ask for: filling a buffer again costs less than a
 * fresh one (no page faults, and far fewer garbage collections for external
 * memory). At most `sparesMaxBytes` are kept in all.
 */
class Spares {
  readonly #bySize = new Map<number, ArrayBuffer[]>()
  #bytes = 0

  give(buffer: ArrayBuffer): void {
    const list = this.#bySize.get(buffer.byteLength)
    if (!list || this.#bytes + buffer.byteLength > sparesMaxBytes) return
    list.push(buffer)
    this.#bytes += buffer.byteLength
  }

  /** A kept buffer of `size` bytes, if there is one; the size is kept from now on. */
  take(size: number): ArrayBuffer | undefined {
    const list = this.#bySize.get(size)
    if (!list) {
      this.#bySize.set(size, [])
      return undefined
    }
    const spare = list.pop()
    if (spare) this.#bytes -= spare.byteLength
    return spare
  }
}

const sparesMaxBytes = 32 * 2 ** 20
const spares = new Spares()

/**
 * A buffer of exactly `size` bytes that nothing else holds, for a full run
 * about to be handed to `sealChunks` or `openChunks` (one of the few sizes a
 * pipeline cuts: odd sizes get a fresh buffer). Its old contents are
 * ciphertext or zeros, never plaintext; the caller fills it completely.
 */
export function runBuffer(size: number): Buffer {
  const spare = spares.take(size)
  return spare ? Buffer.from(spare) : Buffer.allocUnsafeSlow(size)
}

/** Outputs the workers made: only these may come back through `releaseRun`. */
const pooled = new WeakSet<ArrayBuffer>()

/**
 * Gives a job's output back once nothing reads it any more, so a later job
 * writes into it instead of a fresh buffer. Only a whole output of
 * `sealChunks` or `openChunks` is taken; anything else is left alone.
 * Plaintext (`wipe`) is zeroed first: a kept buffer never holds it.
 */
export function releaseRun(bytes: Uint8Array, wipe = false): void {
  const whole = bytes.buffer
  if (!(whole instanceof ArrayBuffer) || !pooled.has(whole) || bytes.byteOffset !== 0 || bytes.byteLength !== whole.byteLength) return
  pooled.delete(whole)
  if (wipe) bytes.fill(0)
  spares.give(whole)
}

/** One worker and the jobs it has not answered yet. */
class ChunkWorker {
  readonly #worker = new Worker(workerSource, { eval: true })
  readonly #jobs = new Map<number, Job>()
  #dead: Error | null = null

  constructor() {
    // Idle workers must not keep a finished CLI command alive.
    this.#worker.unref()
    this.#worker.on('message', (reply: Reply) => this.#answer(reply))
    this.#worker.on('error', (error) => this.#fail(error))
    this.#worker.on('exit', () => this.#fail(new Error('chunk worker exited')))
  }

  get load(): number {
    return this.#dead ? Number.POSITIVE_INFINITY : this.#jobs.size
  }

  get alive(): boolean {
    return this.#dead === null
  }

  run(id: number, message: object, transfer: ArrayBuffer[]): Promise<Buffer> {
    if (this.#dead) return Promise.reject(this.#dead)
    return new Promise((resolve, reject) => {
      this.#jobs.set(id, { resolve, reject })
      this.#worker.ref()
      this.#worker.postMessage(message, transfer)
    })
  }

  #answer(reply: Reply): void {
    const job = this.#jobs.get(reply.id)
    this.#jobs.delete(reply.id)
    if (this.#jobs.size === 0) this.#worker.unref()
    if (reply.spare) spares.give(reply.spare)
    if (!job) return
    if (reply.data) {
      pooled.add(reply.data)
      job.resolve(Buffer.from(reply.data))
    }
    else job.reject(new StreamDamagedError(reply.damage ?? 'stream chunk'))
  }

  #fail(error: Error): void {
    this.#dead ??= error
    for (const job of this.#jobs.values()) job.reject(error)
    this.#jobs.clear()
  }
}

/** As many workers as cores, up to four: beyond that the disk, not the cipher, is the wall. */
export const chunkWorkerCount = Math.max(1, Math.min(4, availableParallelism()))
const workers: ChunkWorker[] = []
let nextId = 0

function leastBusy(): ChunkWorker {
  for (let i = workers.length - 1; i >= 0; i--) if (!workers[i]!.alive) workers.splice(i, 1)
  if (workers.length < chunkWorkerCount) {
    const idle = workers.find((worker) => worker.load === 0)
    if (idle) return idle
    const added = new ChunkWorker()
    workers.push(added)
    return added
  }
  return workers.reduce((a, b) => (b.load < a.load ? b : a))
}

/** How many runs a pipeline keeps in flight: enough to keep every worker busy while one result is consumed. */
export const runsInFlight = chunkWorkerCount * 2

/**
 * Jobs kept in the order they were started, several running at once: their
 * results are taken oldest first, however the workers finish them.
 */
export class OrderedJobs<T> {
  readonly #queue: Promise<T>[] = []

  get size(): number {
    return this.#queue.length
  }

  add(result: Promise<T>): void {
    // Awaited later, in order; until then a failure must not count as unhandled.
    result.catch(() => {})
    this.#queue.push(result)
  }

  /** The oldest job's result (the caller checks `size` first). */
  next(): Promise<T> {
    return this.#queue.shift()!
  }

  /** Waits for the oldest until at most `count` are left; their results, in order. */
  async keep(count: number): Promise<T[]> {
    const out: T[] = []
    while (this.#queue.length > count) out.push(await this.next())
    return out
  }

  /** Waits for every job still running (after a failure, before the caller lets go of its key or file). */
  async settle(): Promise<void> {
    await Promise.allSettled(this.#queue.splice(0))
  }
}

/** An ArrayBuffer that is exactly `bytes` and nothing else shares, so moving it to a worker detaches nothing of the caller's. */
function detachable(bytes: Buffer): ArrayBuffer {
  const whole = bytes.buffer
  if (whole instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === whole.byteLength) return whole
  const copy = Buffer.allocUnsafeSlow(bytes.length)
  bytes.copy(copy)
  return copy.buffer
}

/** Runs this long or longer are the pipelines' full runs (16 or 32 chunks). */
const fullRunBytes = 16 * streamChunkSize

/** The size a job's output will have: a tag more per chunk when sealing, a tag less when opening. */
function outputSize(op: 'seal' | 'open', inputSize: number): number {
  if (op === 'seal') return inputSize + chunkCount(inputSize) * streamTagSize
  return Math.max(0, inputSize - Math.ceil(inputSize / sealedChunkSize) * streamTagSize)
}

function job(op: 'seal' | 'open', key: Uint8Array, first: number, last: number, data: Buffer): Promise<Buffer> {
  const keyCopy = new Uint8Array(32)
  keyCopy.set(key)
  const buffer = detachable(data)
  // Only full runs: their outputs come in one or two sizes, worth keeping.
  const size = outputSize(op, buffer.byteLength)
  const out = buffer.byteLength >= fullRunBytes ? spares.take(size) : undefined
  const id = nextId++
  const transfer = out ? [keyCopy.buffer, buffer, out] : [keyCopy.buffer, buffer]
  return leastBusy().run(id, { id, op, key: keyCopy.buffer, first, last, data: buffer, out }, transfer)
}

/**
 * Seals `plaintext` as chunks `first`, `first + 1`, ... (64 KiB each, the
 * last possibly shorter; an empty plaintext is one empty chunk). The chunk
 * whose counter is `last` carries the last flag; pass -1 when the stream goes
 * on. Takes `plaintext` over: a buffer that owns its whole memory is moved to
 * the worker (detached here) and zeroed there, any other is copied.
 */
export const sealChunks = (key: Uint8Array, first: number, last: number, plaintext: Buffer) => job('seal', key, first, last, plaintext)

/** Opens sealed chunks from `first` (see `sealChunks`); rejects with StreamDamagedError naming the first chunk that fails. */
export const openChunks = (key: Uint8Array, first: number, last: number, sealed: Buffer) => job('open', key, first, last, sealed)
