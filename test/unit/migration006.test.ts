import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobFolder } from '../../main/store/blobs/blobFolder'
import { moveChunksToBlobs, type MoveProgress } from '../../main/store/blobs/chunkMove'
import { createStore } from '../../main/store/records'
import type { Database } from '../../main/vault/database'
import { runMigrations } from '../../main/vault/migrations'
import { unlockVault } from '../../main/vault/vault'
import { blobProblems, runAndKill } from '../support/blobChecks'
import { makeChunkVault } from '../support/chunkVault'
import { collect, patterned } from '../support/evidenceVault'
import { filesContaining } from '../support/scanForCanary'
import { tempDir } from '../support/tempDirs'

const passphrase = 'migration test passphrase'
const workload = join(import.meta.dirname, '../support/blobWorkload.ts')
const hasChunkTable = (db: Database) =>
  db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'file_chunks'", { pluck: true }).get() === 1

async function oldVault(count: number, size = (i: number) => 1024 * 1024 * (i % 3) + i * 1000) {
  const dir = join(await tempDir(), 'vault')
  const files = Array.from({ length: count }, (_, i) => ({ name: `old-${i}.bin`, bytes: patterned(size(i)) }))
  return { dir, files, ...(await makeChunkVault(dir, passphrase, files)) }
}

async function expectAllMoved(dir: string, files: { bytes: Buffer }[], ids: string[], raw: () => Database) {
  const vault = await unlockVault(dir, passphrase)
  try {
    expect(await blobProblems(dir, vault, raw)).toEqual([])
    for (const [i, id] of ids.entries()) expect((await collect(vault.store.files.read(id))).equals(files[i]!.bytes)).toBe(true)
    expect(await readdir(join(dir, 'blobs'))).toHaveLength(files.length)
  } finally {
    vault.lock()
  }
  const db = raw()
  expect(hasChunkTable(db)).toBe(false)
  db.close()
}

describe('migration 006: file chunks move into blobs at unlock', () => {
  it('moves every file, byte for byte, reports progress, drops the chunk table and leaves no plaintext in the database', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const dir = join(await tempDir(), 'vault')
    const files = [
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      { name: 'note.txt', bytes: Buffer.from(`${canary}\n`.repeat(150_000)) },
      { name: 'exact.bin', bytes: patterned(1024 * 1024) },
      { name: 'clip.bin', bytes: patterned(3 * 1024 * 1024 + 5) },
    ]
    const { ids, rawDatabase } = await makeChunkVault(dir, passphrase, files)
    const seen: MoveProgress[] = []
    const vault = await unlockVault(dir, passphrase, { onBlobMove: (p) => seen.push(p) })
    vault.lock()
    const total = files.reduce((sum, f) => sum + f.bytes.length, 0)
    expect(seen[0]).toEqual({ files: 0, totalFiles: 4, bytes: 0, totalBytes: total })
    expect(seen.at(-1)).toEqual({ files: 4, totalFiles: 4, bytes: total, totalBytes: total })
    await expectAllMoved(dir, files, ids, rawDatabase)
    expect(await filesContaining(dir, canary)).toEqual([])
    expect(await filesContaining(tmpdir(), canary)).toEqual([])
  })

  it('stopped between two files, it loses nothing and resumes at the next unlock', async () => {
    const { dir, files, ids, rawDatabase } = await oldVault(5)
    const db = rawDatabase()
    runMigrations(db)
    const blobs = new BlobFolder(join(dir, 'blobs'))
    await blobs.ensure()
    const store = createStore(db, blobs)
    const controller = new AbortController()
    const moving = moveChunksToBlobs(db, blobs, store.files, { signal: controller.signal, onProgress: (p) => p.files === 2 && controller.abort() })
    await expect(moving).rejects.toMatchObject({ code: 'ABORTED' })
    expect(await readdir(join(dir, 'blobs'))).toHaveLength(2)
    expect(db.prepare('SELECT count(DISTINCT file_id) FROM file_chunks', { pluck: true }).get()).toBe(3)
    db.close()
    await expectAllMoved(dir, files, ids, rawDatabase)
  })

  it('killed with SIGKILL at random points, each unlock moves on and nothing is lost', async () => {
    const { dir, files, ids, rawDatabase } = await oldVault(10, (i) => 2 * 1024 * 1024 + i)
    let kills = 0
    for (let round = 0; round < 30; round++) {
      const stop = 1 + (round % 3)
      const run = await runAndKill(['--import', 'tsx', workload, 'unlock', dir], passphrase, {
        // Killed right after the stop-th file of this run is reported, while the next one is being written.
        killOn: (line) => line.startsWith('moved ') && Number(line.slice(6).split('/')[0]) >= stop && !line.startsWith('moved 0/'),
      })
      if (run.finished) break
      kills++
    }
    expect(kills).toBeGreaterThan(1)
    await expectAllMoved(dir, files, ids, rawDatabase)
  }, 240_000)
})
