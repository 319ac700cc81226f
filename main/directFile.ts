import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'

/**
 * Reading and writing large files of ciphertext (blobs, bundles) around the
 * page cache where the system allows it (Linux O_DIRECT). Measured here on
 * 1 GiB, going through the cache cost 1-4 s of CPU each way (fresh cache
 * pages, filled by copying; a written file is then all flushed at the
 * final fsync); going around it, 0.13-0.2 s, and the disk works while the
 * chunk workers seal or open the bytes before or after.
 *
 * O_DIRECT needs page-aligned memory, offsets and lengths, so bytes pass
 * through aligned blocks. Where O_DIRECT does not exist (macOS, Windows), is
 * refused at open (a filesystem without it) or at the first transfer
 * (EINVAL: the kernel finds a block misaligned), the same blocks go through
 * the cache instead. Only ciphertext passes here: never plaintext.
 */

/** Bytes per transfer: a multiple of any block size O_DIRECT asks for, large enough to keep the disk busy. */
export const blockBytes = 2 ** 21
/** Where a direct transfer's length must end: the largest logical block size in use. */
const alignment = 4096
/** Writes in flight per file: one on the disk while the next block fills. */
const writesInFlight = 2
/** Reads in flight per file, besides the block the reader holds. */
const readsAhead = 2
const blocksPerSlab = 8
const wasmPageBytes = 65536

/** The one part of WebAssembly used here (node's types declare only its namespace); absent under --jitless. */
type WasmMemory = new (descriptor: { initial: number }) => { buffer: ArrayBuffer }
const WasmMemory = (globalThis as { WebAssembly?: { Memory: WasmMemory } }).WebAssembly?.Memory

export interface BlockSource {
  take(): Buffer
  give(block: Buffer): void
}

/**
 * Blocks that start on a page boundary. Memory from node's heap (Buffer)
 * does not; a WebAssembly memory is mapped whole by V8, so it does. Blocks
 * are kept for reuse: a slab of `blocksPerSlab` is added only when all are
 * taken.
 */
class AlignedBlocks implements BlockSource {
  readonly #free: Buffer[] = []
  readonly #memory: WasmMemory

  constructor(memory: WasmMemory) {
    this.#memory = memory
  }

  take(): Buffer {
    if (this.#free.length === 0) {
      const memory = new this.#memory({ initial: (blockBytes * blocksPerSlab) / wasmPageBytes })
      for (let i = 0; i < blocksPerSlab; i++) this.#free.push(Buffer.from(memory.buffer, i * blockBytes, blockBytes))
    }
    return this.#free.pop()!
  }

  give(block: Buffer): void {
    this.#free.push(block)
  }
}

/** Without WebAssembly there is no aligned memory: everything goes through the cache. */
const defaultBlocks: BlockSource | null = WasmMemory ? new AlignedBlocks(WasmMemory) : null
const heapBlocks: BlockSource = { take: () => Buffer.allocUnsafeSlow(blockBytes), give: () => {} }

/** O_DIRECT where the platform has it (Linux); elsewhere 0. */
const directFlag = constants.O_DIRECT ?? 0

const isEinval = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EINVAL'

/** Opens with O_DIRECT if it can be had (aligned blocks, the flag, a filesystem that takes it), else through the cache. */
async function openMaybeDirect(path: string, flags: number, mode: number | undefined, blocks: BlockSource | null): Promise<{ handle: FileHandle; direct: boolean }> {
  if (blocks && directFlag !== 0) {
    try {
      return { handle: await open(path, flags | directFlag, mode), direct: true }
    } catch (error) {
      if (!isEinval(error)) throw error
    }
  }
  return { handle: await open(path, flags, mode), direct: false }
}

/**
 * A file's first transfer, made alone: refused as misaligned (EINVAL), it
 * means O_DIRECT is not to be had here, so the file is reopened through the
 * cache (`flags`) and the transfer made again. The handle to go on with.
 */
async function firstTransfer(
  path: string,
  flags: string,
  opened: { handle: FileHandle; direct: boolean },
  transfer: (handle: FileHandle) => Promise<void>,
): Promise<{ handle: FileHandle; direct: boolean }> {
  try {
    await transfer(opened.handle)
    return opened
  } catch (error) {
    if (!opened.direct || !isEinval(error)) throw error
    await opened.handle.close()
    const handle = await open(path, flags)
    await transfer(handle)
    return { handle, direct: false }
  }
}

/**
 * Bytes `start` to `end` (or the end of the file) of `path`, in pieces of
 * up to `blockBytes`, with the next blocks read while the caller works on
 * this one. Each piece is valid only until the next one is asked for (its
 * block is then read into again): for readers that copy what they get.
 */
export async function* readDirect(path: string, start: number, end = Number.POSITIVE_INFINITY, blocks: BlockSource | null = defaultBlocks): AsyncGenerator<Buffer> {
  let opened = await openMaybeDirect(path, constants.O_RDONLY, undefined, blocks)
  const source = blocks ?? heapBlocks
  const reads: Promise<{ block: Buffer; length: number }>[] = []
  let next = start - (start % alignment)
  let proven = false
  const readBlock = async (handle: FileHandle, block: Buffer, position: number) => {
    const { bytesRead } = await handle.read(block, 0, blockBytes, position)
    return { block, length: bytesRead }
  }
  const startRead = () => {
    const position = next
    next += blockBytes
    const read = readBlock(opened.handle, source.take(), position)
    read.catch(() => {})
    reads.push(read)
  }
  let lent: Buffer | null = null
  try {
    for (let position = next; position < end; position += blockBytes) {
      let done!: { block: Buffer; length: number }
      if (!proven) {
        const block = source.take()
        opened = await firstTransfer(path, 'r', opened, async (handle) => {
          done = await readBlock(handle, block, position)
        })
        proven = true
        next = position + blockBytes
      } else {
        done = await reads.shift()!
      }
      if (lent) source.give(lent)
      lent = done.block
      while (reads.length < readsAhead && next < end && done.length === blockBytes) startRead()
      const from = Math.max(start - position, 0)
      const to = Math.min(done.length, end - position)
      if (to > from) yield done.block.subarray(from, to)
      if (done.length < blockBytes) return
    }
  } finally {
    // A read still running must not land in a block handed out again, nor fail unseen.
    for (const settled of await Promise.allSettled(reads.splice(0))) if (settled.status === 'fulfilled') source.give(settled.value.block)
    if (lent) source.give(lent)
    await opened.handle.close()
  }
}

/**
 * Writes a new file from pieces of any size: they are copied into aligned
 * blocks and each full block is written at its offset, directly where it
 * can be (see the top of this file); the last block is written rounded up
 * to `alignment` and the file truncated to its length. The caller still
 * fsyncs: a direct write may sit in the disk's own cache.
 */
export class DirectFileWriter {
  readonly #path: string
  readonly #blocks: BlockSource
  #handle: FileHandle
  #direct: boolean
  /** Until the first block is on disk, a refusal means "no O_DIRECT here", not a failed write. */
  #proven = false
  #block: Buffer | null = null
  #filled = 0
  #position = 0
  readonly #inFlight: Promise<void>[] = []
  #failed: unknown = null

  private constructor(path: string, handle: FileHandle, direct: boolean, blocks: BlockSource) {
    this.#path = path
    this.#handle = handle
    this.#direct = direct
    this.#blocks = blocks
  }

  /** Creates `path` (it must not exist), mode 0600. `blocks` is for tests that need blocks of their own. */
  static async create(path: string, blocks: BlockSource | null = defaultBlocks): Promise<DirectFileWriter> {
    const { handle, direct } = await openMaybeDirect(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600, blocks)
    return new DirectFileWriter(path, handle, direct, blocks ?? heapBlocks)
  }

  /** Whether blocks go around the cache (for the tests: the fallback must be taken where it should). */
  get direct(): boolean {
    return this.#direct
  }

  get handle(): FileHandle {
    return this.#handle
  }

  /** Bytes added so far: the file's length once `finish` has run. */
  get length(): number {
    return this.#position + this.#filled
  }

  /** Copies `pieces` in; the caller may reuse them once this returns. Waits while the disk is behind. */
  async add(pieces: Uint8Array[]): Promise<void> {
    for (const piece of pieces) {
      let at = 0
      while (at < piece.length) {
        this.#block ??= this.#blocks.take()
        const taken = Math.min(this.#block.length - this.#filled, piece.length - at)
        this.#block.set(piece.subarray(at, at + taken), this.#filled)
        this.#filled += taken
        at += taken
        if (this.#filled === this.#block.length) await this.#writeBlock(this.#filled)
      }
    }
  }

  /** Writes what is left and waits for every write: the file then holds every byte added (not yet synced). */
  async finish(): Promise<void> {
    if (this.#block && this.#filled > 0) {
      const length = this.#filled
      const rounded = this.#direct ? Math.ceil(length / alignment) * alignment : length
      this.#block.fill(0, length, rounded)
      await this.#writeBlock(rounded)
      await this.settle(true)
      this.#position -= rounded - length
      if (rounded !== length) await this.#handle.truncate(this.#position)
    } else {
      await this.settle(true)
    }
    this.#block = null
  }

  /** Waits for the writes in flight; with `rethrow`, a failed one is thrown here. */
  async settle(rethrow = false): Promise<void> {
    await Promise.allSettled(this.#inFlight.splice(0))
    if (rethrow && this.#failed !== null) throw this.#failed
  }

  async close(): Promise<void> {
    await this.settle()
    if (this.#block) this.#blocks.give(this.#block)
    this.#block = null
    await this.#handle.close()
  }

  async #writeBlock(length: number): Promise<void> {
    if (this.#failed !== null) throw this.#failed
    const block = this.#block!
    const position = this.#position
    this.#block = null
    this.#filled = 0
    this.#position += length
    if (!this.#proven) {
      await this.#firstWrite(block, length, position)
      return
    }
    const write = this.#writeAll(this.#handle, block, length, position).then(
      () => this.#blocks.give(block),
      (error: unknown) => {
        this.#failed ??= error
      },
    )
    this.#inFlight.push(write)
    while (this.#inFlight.length >= writesInFlight) await this.#inFlight.shift()
    if (this.#failed !== null) throw this.#failed
  }

  /** The first block alone: if the kernel refuses it as misaligned, the file is reopened through the cache and it is written again. */
  async #firstWrite(block: Buffer, length: number, position: number): Promise<void> {
    const opened = { handle: this.#handle, direct: this.#direct }
    ;({ handle: this.#handle, direct: this.#direct } = await firstTransfer(this.#path, 'r+', opened, (handle) => this.#writeAll(handle, block, length, position)))
    this.#proven = true
    this.#blocks.give(block)
  }

  async #writeAll(handle: FileHandle, block: Buffer, length: number, position: number): Promise<void> {
    for (let at = 0; at < length; ) {
      const { bytesWritten } = await handle.write(block, at, length - at, position + at)
      if (bytesWritten === 0) throw new Error('write made no progress')
      at += bytesWritten
    }
  }
}
