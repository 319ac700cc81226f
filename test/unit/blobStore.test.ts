import { createHash, randomBytes } from 'node:crypto'
import { readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sealedLength } from '../../main/crypto/stream'
import { verifyVault } from '../../main/evidence/verify'
import { padme } from '../../main/store/blobs/padme'
import type { OpenVault } from '../../main/vault/vault'
import { blobPathOf, flipByte } from '../support/blobFiles'
import { openTestVault, patterned, piecesOf } from '../support/evidenceVault'
import { filesContaining } from '../support/scanForCanary'

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

async function testVault() {
  const made = await openTestVault()
  open = made.vault
  return made
}

const blobNames = async (dir: string) => (await readdir(join(dir, 'blobs'))).sort()

describe('Padmé padding', () => {
  it('rounds up to at most 12% more and keeps only the top bits of the length', () => {
    expect([0, 1, 2, 3, 1000, 1001, 1024, 1025].map(padme)).toEqual([0, 1, 2, 3, 1024, 1024, 1024, 1088])
    expect(padme(2 ** 32 + 1)).toBe(2 ** 32 + 2 ** 26)
    for (let length = 2; length < 200_000; length += 997) {
      const padded = padme(length)
      expect(padded).toBeGreaterThanOrEqual(length)
      expect(padded / length).toBeLessThanOrEqual(1.125)
      expect(padme(padded)).toBe(padded)
    }
  })
})

describe('blob store', () => {
  it('files of 1000 and 1001 bytes make blobs of the same size; every blob is its sealed Padmé length', async () => {
    const { dir, vault, rawDatabase } = await testVault()
    const sizes = [1000, 1001, 0, 70_000, 3 * 1024 * 1024 + 5]
    const files = []
    for (const size of sizes) files.push(await vault.store.files.add({ name: `f${size}.bin` }, piecesOf(randomBytes(size))))
    const db = rawDatabase()
    const blobSize = async (id: string) => (await stat(blobPathOf(dir, db, id))).size
    expect(await blobSize(files[0]!.id)).toBe(await blobSize(files[1]!.id))
    for (const [i, size] of sizes.entries()) expect(await blobSize(files[i]!.id)).toBe(sealedLength(padme(size)))
    db.close()
  })

  it('no plaintext marker in the blobs, anywhere under the vault or in the temp folder', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const { dir, vault } = await testVault()
    await vault.store.files.add({ name: `notes-${canary}.txt` }, piecesOf(Buffer.from(`${canary}\n`.repeat(200_000))))
    const second = await vault.store.files.add({ name: 'second.txt' }, piecesOf(Buffer.from(`${canary} `.repeat(1000))))
    await vault.store.files.delete(second.id)
    expect(await blobNames(dir)).toHaveLength(1)
    vault.lock()
    expect(await filesContaining(dir, canary)).toEqual([])
    expect(await filesContaining(tmpdir(), canary)).toEqual([])
  })

  it('verify names the file whose blob has a flipped byte (in the data or in the padding), is cut short, or is missing', async () => {
    const { dir, vault, rawDatabase, reopen } = await testVault()
    const add = (name: string, size: number) => vault.store.files.add({ name }, piecesOf(patterned(size)))
    const intact = await add('intact.bin', 200_000)
    const flipped = await add('flipped.bin', 200_000)
    // 1,000,001 bytes pad to 1,015,808: the last chunk holds padding only.
    const padded = await add('padded.bin', 1_000_001)
    const cut = await add('cut.bin', 200_000)
    const gone = await add('gone.bin', 200_000)
    vault.lock()
    const db = rawDatabase()
    await flipByte(blobPathOf(dir, db, flipped.id), 70_000)
    const paddedBlob = blobPathOf(dir, db, padded.id)
    await flipByte(paddedBlob, (await stat(paddedBlob)).size - 20)
    const cutBlob = blobPathOf(dir, db, cut.id)
    await truncate(cutBlob, (await stat(cutBlob)).size - 65_552)
    await rm(blobPathOf(dir, db, gone.id))
    db.close()

    open = await reopen()
    const { problems, files } = await verifyVault(open.store)
    expect(files).toBe(5)
    const named = problems.filter((p) => p.kind === 'file_content').map((p) => [p.label, p.actual])
    expect(named).toEqual(
      expect.arrayContaining([
        ['flipped.bin', expect.stringMatching(/chunk 1 fails authentication/)],
        ['padded.bin', expect.stringMatching(/fails authentication/)],
        ['cut.bin', expect.stringMatching(/bytes, expected/)],
        ['gone.bin', 'blob missing'],
      ]),
    )
    expect(named).toHaveLength(4)
    expect(problems.some((p) => p.recordId === intact.id)).toBe(false)
    await expect((async () => {
      for await (const _ of open!.store.files.read(flipped.id));
    })()).rejects.toMatchObject({ code: 'CORRUPT_DATABASE' })
  })

  it('unlock removes temporary files and blobs no row names, and keeps every stored file', async () => {
    const { dir, vault, reopen } = await testVault()
    const kept = await vault.store.files.add({ name: 'kept.bin' }, piecesOf(patterned(100_000)))
    vault.lock()
    const stray = join(dir, 'blobs', randomBytes(16).toString('hex'))
    await writeFile(stray, randomBytes(1000))
    await writeFile(`${stray}.tmp`, randomBytes(1000))
    await writeFile(join(dir, 'blobs', 'not-a-blob-name'), 'x')
    const before = await blobNames(dir)
    expect(before).toHaveLength(4)

    open = await reopen()
    expect(await blobNames(dir)).toHaveLength(1)
    expect((await open.store.files.digest(kept.id)).sha256).toBe(kept.sha256)
  })

  it('a reader that stops part way leaves nothing running (the read-ahead is settled, the blob closed)', async () => {
    const { dir, vault } = await testVault()
    const bytes = patterned(9 * 1024 * 1024 + 3)
    const file = await vault.store.files.add({ name: 'long.bin' }, piecesOf(bytes))
    for await (const piece of vault.store.files.read(file.id)) {
      expect(piece.length).toBeGreaterThan(0)
      break
    }
    const parts: Uint8Array[] = []
    for await (const piece of vault.store.files.readRange(file.id, 3 * 1024 * 1024 - 7, 7 * 1024 * 1024)) parts.push(piece)
    expect(Buffer.concat(parts).equals(bytes.subarray(3 * 1024 * 1024 - 7, 7 * 1024 * 1024 + 1))).toBe(true)
    await vault.store.files.delete(file.id)
    expect(await blobNames(dir)).toEqual([])
  })

  it('written files stay under temporary names until commit publishes them; a discard removes them', async () => {
    const { dir, vault } = await testVault()
    const [a, b] = [await vault.store.files.write({ name: 'a.bin' }, piecesOf(patterned(70_000))), await vault.store.files.write({ name: 'b.bin' }, piecesOf(patterned(10)))]
    // Not yet synced, so not yet under a name a row could point at: a crash now leaves only what the sweep removes.
    expect(await blobNames(dir)).toEqual([`${a!.blob.name}.tmp`, `${b!.blob.name}.tmp`].sort())
    const [committed] = await vault.store.files.commit([a!])
    expect(await blobNames(dir)).toEqual([a!.blob.name, `${b!.blob.name}.tmp`].sort())
    await vault.store.files.discard([b!])
    expect(await blobNames(dir)).toEqual([a!.blob.name])
    expect((await vault.store.files.digest(committed!.id)).sha256).toBe(committed!.sha256)
  })

  it('a batched write returns once its bytes are hashed; publishing waits until its tail is written whole', async () => {
    const { dir, vault } = await testVault()
    const bytes = patterned(20 * 1024 * 1024 + 5)
    const pending = await vault.store.files.write({ name: 'big.bin' }, piecesOf(bytes))
    const [record] = await vault.store.files.commit([pending])
    expect((await stat(join(dir, 'blobs', pending.blob.name))).size).toBe(sealedLength(padme(bytes.length)))
    expect(record!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect((await vault.store.files.digest(record!.id)).sha256).toBe(record!.sha256)
  })

  it('an aborted add leaves no blob and no temporary file', async () => {
    const { dir, vault } = await testVault()
    const controller = new AbortController()
    async function* slow() {
      yield Buffer.alloc(3 * 1024 * 1024, 1)
      controller.abort()
      yield Buffer.alloc(1024, 1)
    }
    await expect(vault.store.files.add({ name: 'cut.bin' }, slow(), controller.signal)).rejects.toMatchObject({ code: 'ABORTED' })
    expect(await blobNames(dir)).toEqual([])
    expect(vault.store.files.count()).toBe(0)
  })
})
