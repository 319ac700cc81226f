import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BlobFileWriter, blockBytes, type BlockSource } from '../../main/store/blobs/blobFileWriter'

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
  const writer = await BlobFileWriter.create(path, blocks)
  for (let at = 0; at < bytes.length; at += pieceSize) await writer.add([bytes.subarray(at, at + pieceSize)])
  await writer.finish()
  await writer.handle.sync()
  const direct = writer.direct
  await writer.close()
  return { path, direct, content: await readFile(path) }
}

/** Real blocks one byte off a page boundary: the kernel refuses them for O_DIRECT (EINVAL). */
function misalignedBlocks(): BlockSource {
  const memory = new WebAssembly.Memory({ initial: (2 * blockBytes) / 65536 + 1 })
  const free = [Buffer.from(memory.buffer, 1, blockBytes), Buffer.from(memory.buffer, blockBytes + 1, blockBytes)]
  return { take: () => free.pop() ?? Buffer.alloc(blockBytes), give: (block) => void free.push(block) }
}

// O_DIRECT exists on Linux only; elsewhere these cases check the writes through the cache.
const hasDirect = constants.O_DIRECT !== undefined

describe('BlobFileWriter', () => {
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
    await expect(BlobFileWriter.create(first.path)).rejects.toMatchObject({ code: 'EEXIST' })
    expect((await readFile(first.path)).equals(first.content)).toBe(true)
  })
})
