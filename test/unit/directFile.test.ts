import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DirectFileWriter, blockBytes, readDirect, type BlockSource } from '../../main/directFile'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sestra-writer-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

let serial = 0
async function written(bytes: Buffer, pieceSize: number, blocks?: BlockSource | null) {
  const path = join(dir, `blob-${serial++}`)
  const writer = await DirectFileWriter.create(path, blocks)
  for (let at = 0; at < bytes.length; at += pieceSize) await writer.add([bytes.subarray(at, at + pieceSize)])
  await writer.finish()
  expect(writer.length).toBe(bytes.length)
  await writer.handle.sync()
  const direct = writer.direct
  await writer.close()
  return { path, direct, content: await readFile(path) }
}

/** Real blocks one byte off a page boundary: the kernel refuses them for O_DIRECT (EINVAL). */
function misalignedBlocks(): BlockSource {
  const { Memory } = (globalThis as unknown as { WebAssembly: { Memory: new (d: { initial: number }) => { buffer: ArrayBuffer } } }).WebAssembly
  const memory = new Memory({ initial: (2 * blockBytes) / 65536 + 1 })
  const free: Buffer[] = [Buffer.from(memory.buffer, 1, blockBytes), Buffer.from(memory.buffer, blockBytes + 1, blockBytes)]
  return { take: () => free.pop() ?? Buffer.alloc(blockBytes), give: (block) => void free.push(block) }
}

// O_DIRECT exists on Linux only; elsewhere these cases check the writes through the cache.
const hasDirect = constants.O_DIRECT !== undefined

describe('DirectFileWriter', () => {
  const sizes = [0, 1, 4095, 4096, 4097, blockBytes - 1, blockBytes, blockBytes + 1, 2 * blockBytes + 12_345]

  it.each(sizes)('writes %i bytes exactly, from pieces of odd sizes', async (size) => {
    const bytes = randomBytes(size)
    for (const pieceSize of [1_048_832, 65_537]) {
      const result = await written(bytes, pieceSize)
      expect(result.direct).toBe(hasDirect)
      expect(result.content.equals(bytes)).toBe(true)
      expect((await stat(result.path)).mode & 0o777).toBe(0o600)
    }
  })

  it('falls back to the page cache when the kernel refuses a block as misaligned, and loses nothing', async () => {
    const bytes = randomBytes(2 * blockBytes + 777)
    const result = await written(bytes, 1_000_000, misalignedBlocks())
    expect(result.direct).toBe(false)
    expect(result.content.equals(bytes)).toBe(true)
  })

  it('writes through the cache with blocks from the heap (no aligned memory)', async () => {
    const bytes = randomBytes(blockBytes + 5)
    const result = await written(bytes, 300_000, null)
    expect(result.direct).toBe(false)
    expect(result.content.equals(bytes)).toBe(true)
  })

  it('refuses a path that exists, and leaves it as it was', async () => {
    const first = await written(randomBytes(10), 10)
    await expect(DirectFileWriter.create(first.path)).rejects.toMatchObject({ code: 'EEXIST' })
    expect((await readFile(first.path)).equals(first.content)).toBe(true)
  })
})

async function readBack(path: string, start: number, end?: number, blocks?: BlockSource | null) {
  const pieces: Buffer[] = []
  // Each piece is lent until the next is asked for: copy it.
  for await (const piece of readDirect(path, start, end, blocks)) pieces.push(Buffer.from(piece))
  return Buffer.concat(pieces)
}

describe('readDirect', () => {
  const size = 2 * blockBytes + 5_000
  let path = ''
  let bytes = Buffer.alloc(0)
  beforeAll(async () => {
    bytes = randomBytes(size)
    path = join(dir, 'read-me')
    await writeFile(path, bytes)
  })

  const ranges: [number, number | undefined][] = [
    [0, undefined],
    [0, size],
    [1, 4097],
    [4095, blockBytes + 1],
    [blockBytes, undefined],
    [blockBytes - 3, 2 * blockBytes + 2],
    [size - 1, undefined],
    [size, undefined],
    [0, 0],
    [10, size + 99_999],
  ]
  it.each(ranges)('reads bytes %i to %s exactly, wherever the block boundaries fall', async (start, end) => {
    expect((await readBack(path, start, end)).equals(bytes.subarray(start, end))).toBe(true)
  })

  it('reads through the cache when the kernel refuses its blocks, and when there is no aligned memory', async () => {
    expect((await readBack(path, 3, size - 3, misalignedBlocks())).equals(bytes.subarray(3, size - 3))).toBe(true)
    expect((await readBack(path, 3, undefined, null)).equals(bytes.subarray(3))).toBe(true)
  })

  it('a reader that stops part way gives its blocks back and closes the file', async () => {
    const given: Buffer[] = []
    const blocks = misalignedBlocks()
    const counting: BlockSource = { take: () => blocks.take(), give: (block) => void given.push(block) }
    for await (const piece of readDirect(path, 0, undefined, counting)) {
      expect(piece.length).toBeGreaterThan(0)
      break
    }
    expect(given.length).toBeGreaterThanOrEqual(1)
  })

  it('names a missing file as ENOENT', async () => {
    await expect(readBack(join(dir, 'not-there'), 0)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
