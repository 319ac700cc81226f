import { createHash, randomBytes, randomFillSync } from 'node:crypto'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SestraError } from '../../../shared/errors'
import { openChunks, OrderedJobs, releaseRun, runBuffer, runsInFlight } from '../../crypto/chunkWorkers'
import { chunkCount, sealedChunkSize, sealedLength, StreamDamagedError, StreamEncryptor, streamChunkSize } from '../../crypto/stream'
import { fsyncDirectory } from '../../vault/atomicWrite'
import { DirectFileWriter, readDirect } from '../../directFile'
import { padme } from './padme'

/** What the database keeps about a blob; the blob itself holds nothing but sealed chunks. */
export interface BlobRef {
  name: string
  key: Buffer<ArrayBuffer>
  /** Plaintext bytes; reads stop here. */
  size: number
  /** Plaintext plus authenticated zero padding, as sealed. */
  paddedSize: number
}

export interface WrittenBlob extends BlobRef {
  sha256: string
}

/** A blob that is not there or not what was sealed: `verify` names its file. */
export class BlobDamagedError extends Error {}

const namePattern = /^[0-9a-f]{32}$/
/** Sealed bytes gathered before each write, and read at once: large I/O, flat memory. */
const ioChunks = 32
const ioBytes = ioChunks * sealedChunkSize
const zeros = Buffer.alloc(ioChunks * streamChunkSize)
/** Tails written behind the caller at most: one file's while the next is read. */
const tailsAtOnce = 2
/** Blobs synced at once by `publish`: enough to keep the disk's queue full, few enough open files. */
const publishBatch = 8

/**
 * The folder of encrypted blobs beside the database: one file per stored
 * file, age's STREAM under its own random key, plaintext padded with zeros
 * to its Padmé length. A blob is written under `<name>.tmp`, fsynced,
 * renamed and the folder fsynced; the caller commits the database row only
 * after `write` returns, so a crash leaves at most a file without a row,
 * which `sweep` removes at the next unlock.
 */
export class BlobFolder {
  readonly dir: string
  /** Blobs written with `durable: false` whose tail is still being sealed and written, by name. */
  readonly #tails = new Map<string, Promise<void>>()

  constructor(dir: string) {
    this.dir = dir
  }

  async ensure(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 })
  }

  /**
   * Encrypts `source` into a new blob. `onPiece` sees each plaintext piece
   * (hashing, sniffing, progress) before it is sealed. Aborted or failed,
   * the temporary file is removed and the key zeroed. With `durable: false`
   * the blob stays under its temporary name, not yet synced: the caller
   * `publish`es many at once (one flush of the disk for all of them) before
   * any row names them, and meanwhile the sweep at unlock treats them as
   * strays. Such a write also returns once its last byte is hashed: the
   * sealing and writing of its tail go on while the caller reads the next
   * file (`publish` and `remove` wait for them; a failure surfaces there).
   */
  async write(
    source: AsyncIterable<Uint8Array>,
    options: { signal?: AbortSignal; onPiece?: (piece: Uint8Array, total: number) => void; durable?: boolean } = {},
  ): Promise<WrittenBlob> {
    const batched = options.durable === false
    if (batched) await this.#fewTails()
    const name = randomBytes(16).toString('hex')
    const temporary = join(this.dir, `${name}.tmp`)
    // Buffer.alloc, never the shared pool: zeroing it cannot miss a copy.
    const key = randomFillSync(Buffer.alloc(32))
    const encryptor = new StreamEncryptor(key)
    const hash = createHash('sha256')
    const out = await DirectFileWriter.create(temporary)
    const cleanUp = async () => {
      await encryptor.wipe()
      await out.close().catch(() => {})
      await rm(temporary, { force: true })
    }
    const add = async (sealed: Buffer[]) => {
      await out.add(sealed)
      // Copied into the writer's blocks: the runs can take the next chunks.
      for (const run of sealed) releaseRun(run)
    }
    const tail = async () => {
      await add(await encryptor.finish())
      await out.finish()
    }
    let size = 0
    try {
      for await (const piece of source) {
        if (options.signal?.aborted) throw new SestraError('ABORTED')
        hash.update(piece)
        size += piece.length
        options.onPiece?.(piece, size)
        await add(await encryptor.push(piece))
      }
      if (options.signal?.aborted) throw new SestraError('ABORTED')
      const paddedSize = padme(size)
      for (let left = paddedSize - size; left > 0; left -= zeros.length) {
        await add(await encryptor.push(zeros.subarray(0, Math.min(left, zeros.length))))
      }
      const written = { name, key, size, paddedSize, sha256: hash.digest('hex') }
      if (batched) {
        this.#keepTail(name, tail().then(() => out.close(), async (error: unknown) => {
          await cleanUp()
          throw error
        }))
        return written
      }
      await tail()
      await out.handle.sync()
      await out.close()
      await rename(temporary, this.#path(name))
      await fsyncDirectory(this.dir)
      return written
    } catch (error) {
      key.fill(0)
      await cleanUp()
      throw error
    }
  }

  /** Waits until fewer than `tailsAtOnce` tails are still being written: memory stays bounded however many files come. */
  async #fewTails(): Promise<void> {
    while (this.#tails.size >= tailsAtOnce) await Promise.race(this.#tails.values()).catch(() => {})
  }

  #keepTail(name: string, tail: Promise<void>): void {
    const kept = tail.finally(() => this.#tails.delete(name))
    // Awaited by publish (which reports its failure) or remove; until then a failure must not count as unhandled.
    kept.catch(() => {})
    this.#tails.set(name, kept)
  }

  /**
   * Makes blobs written with `durable: false` durable under their names:
   * each file synced (several at once, so the disk flushes them together),
   * renamed from its temporary name, then the folder synced once.
   */
  async publish(names: string[]): Promise<void> {
    const publishOne = async (name: string) => {
      const temporary = `${this.#checkedPath(name)}.tmp`
      await this.#tails.get(name)
      const handle = await open(temporary, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temporary, this.#path(name))
    }
    for (let at = 0; at < names.length; at += publishBatch) await Promise.all(names.slice(at, at + publishBatch).map(publishOne))
    await fsyncDirectory(this.dir)
  }

  /**
   * Plaintext bytes `start` (inclusive) to `end` (exclusive): only the chunks
   * that hold them are read and opened. With `lend`, each piece is valid only
   * until the next one is asked for: its buffer is then zeroed and reused,
   * for readers that copy or hash what they get and keep nothing.
   */
  async *read(ref: BlobRef, start = 0, end = ref.size, lend = false): AsyncGenerator<Buffer> {
    if (end <= start) return
    const first = Math.floor(start / streamChunkSize)
    const last = Math.floor((end - 1) / streamChunkSize)
    for await (const { index, plaintext } of this.#chunks(ref, first, last)) {
      const base = index * streamChunkSize
      const piece = plaintext.subarray(Math.max(start - base, 0), Math.min(end - base, plaintext.length))
      if (piece.length > 0) yield piece
      if (lend) releaseRun(plaintext, true)
    }
  }

  /** Opens every chunk, padding included, and hashes the plaintext: what `verify` compares with the record. */
  async digest(ref: BlobRef, signal?: AbortSignal): Promise<string> {
    const hash = createHash('sha256')
    for await (const { index, plaintext } of this.#chunks(ref, 0, chunkCount(ref.paddedSize) - 1)) {
      if (signal?.aborted) throw new SestraError('ABORTED')
      const at = index * streamChunkSize
      if (at < ref.size) hash.update(plaintext.subarray(0, ref.size - at))
      releaseRun(plaintext, true)
    }
    return hash.digest('hex')
  }

  /** Unlinks a blob whose key row is gone, or one never published; an absent file is fine (a crash may have removed it already). */
  async remove(name: string): Promise<void> {
    const path = this.#checkedPath(name)
    await this.#tails.get(name)?.catch(() => {})
    await Promise.all([rm(path, { force: true }), rm(`${path}.tmp`, { force: true })])
  }

  /** Removes temporary files and every blob `isKnown` does not claim; returns how many went. */
  async sweep(isKnown: (name: string) => boolean): Promise<number> {
    const entries = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    const strays = entries.filter((entry) => !(namePattern.test(entry) && isKnown(entry)))
    await Promise.all(strays.map((entry) => rm(join(this.dir, entry), { force: true, recursive: true })))
    if (strays.length > 0) await fsyncDirectory(this.dir)
    return strays.length
  }

  #path(name: string): string {
    return join(this.dir, name)
  }

  #checkedPath(name: string): string {
    if (!namePattern.test(name)) throw new SestraError('INVALID_INPUT', 'blob name')
    return this.#path(name)
  }

  /**
   * Chunks `first` to `last` opened: the blob is read in order (around the
   * page cache where it can be: `readDirect`), cut into batches of
   * `ioChunks`, and several batches are opened (on the chunk workers) at
   * once and handed on in order.
   */
  async *#chunks(ref: BlobRef, first: number, last: number): AsyncGenerator<{ index: number; plaintext: Buffer }> {
    const count = chunkCount(ref.paddedSize)
    const path = this.#path(ref.name)
    let size: number
    try {
      size = (await stat(path)).size
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobDamagedError('blob missing')
      throw error
    }
    if (size !== sealedLength(ref.paddedSize)) throw new BlobDamagedError(`blob is ${size} bytes, expected ${sealedLength(ref.paddedSize)}`)
    const end = Math.min((last + 1) * sealedChunkSize, size)
    const batches = new OrderedJobs<{ index: number; plaintext: Buffer }>()
    // The batch being filled: chunks from `index`, `filled` of its bytes so far.
    let index = first
    let batch: Buffer | null = null
    let filled = 0
    const newBatch = () => {
      const length = Math.min((index + ioChunks) * sealedChunkSize, end) - index * sealedChunkSize
      // A buffer of its own per batch: the worker takes it over.
      return length === ioBytes ? runBuffer(length) : Buffer.allocUnsafeSlow(length)
    }
    try {
      for await (const piece of readDirect(path, first * sealedChunkSize, end)) {
        for (let at = 0; at < piece.length; ) {
          batch ??= newBatch()
          const taken = Math.min(batch.length - filled, piece.length - at)
          batch.set(piece.subarray(at, at + taken), filled)
          filled += taken
          at += taken
          if (filled < batch.length) continue
          const start = index
          // Counted before the worker takes the buffer over (it is detached here then).
          index += Math.ceil(batch.length / sealedChunkSize)
          batches.add(openChunks(ref.key, start, count - 1, batch).then((plaintext) => ({ index: start, plaintext })))
          batch = null
          filled = 0
          if (batches.size >= runsInFlight) yield await batches.next()
        }
      }
      if (index <= last) throw new BlobDamagedError('blob shorter than expected')
      while (batches.size > 0) yield await batches.next()
    } catch (error) {
      if (error instanceof StreamDamagedError) throw new BlobDamagedError(error.message)
      throw error
    } finally {
      await batches.settle()
    }
  }
}
