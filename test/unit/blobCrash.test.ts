import { randomInt } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unlockVault } from '../../main/vault/vault'
import { blobProblems, runAndKill } from '../support/blobChecks'
import { evidencePassphrase, openTestVault, patterned } from '../support/evidenceVault'
import { cliPath } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

const workload = join(import.meta.dirname, '../support/blobWorkload.ts')
const rounds = 6

/** Reopens the vault (which sweeps what the crash left) and returns what is inconsistent, with the files stored now. */
async function afterCrash(dir: string, raw: Parameters<typeof blobProblems>[2]) {
  const vault = await unlockVault(dir, evidencePassphrase)
  try {
    return { problems: await blobProblems(dir, vault, raw), files: vault.store.files.list() }
  } finally {
    vault.lock()
  }
}

describe('blob store under kill -9', () => {
  it('`file add` killed at random points leaves no temporary file, no blob without a row, no row without a blob', async () => {
    const { dir, vault, rawDatabase } = await openTestVault()
    vault.lock()
    const folder = join(await tempDir(), 'recordings')
    await mkdir(folder)
    for (let i = 0; i < 4; i++) await writeFile(join(folder, `clip-${i}.bin`), patterned(6 * 1024 * 1024 + i))
    const add = (killAfterMs?: number) => runAndKill([cliPath, 'file', 'add', '--vault', dir, folder], `${evidencePassphrase}\n`, { killAfterMs })

    const started = performance.now()
    const full = await add()
    expect(full).toMatchObject({ finished: true, code: 0 })
    const fullMs = performance.now() - started
    const kept = (await afterCrash(dir, rawDatabase)).files
    expect(kept).toHaveLength(4)

    let interrupted = 0
    for (let round = 0; round < rounds; round++) {
      const run = await add(randomInt(50, Math.max(100, Math.round(fullMs))))
      if (!run.finished) interrupted++
      const { problems, files } = await afterCrash(dir, rawDatabase)
      expect(problems).toEqual([])
      // Whatever the kill hit, every file stored before is still there.
      expect(files.map((f) => f.id)).toEqual(expect.arrayContaining(kept.map((f) => f.id)))
    }
    // Otherwise the test proved nothing about crashes.
    expect(interrupted).toBeGreaterThan(0)
  }, 240_000)

  it('deleting killed at random points leaves each file either whole or gone, blob and key row together', async () => {
    const { dir, vault, rawDatabase } = await openTestVault()
    for (let i = 0; i < 12; i++) await vault.store.files.add({ name: `photo-${i}.bin` }, (async function* () {
      yield patterned(2 * 1024 * 1024 + i)
    })())
    vault.lock()
    let interrupted = 0
    for (let round = 0; round < rounds; round++) {
      const run = await runAndKill(['--import', 'tsx', workload, 'delete', dir], evidencePassphrase, {
        killOn: (line) => line.startsWith('deleted ') && randomInt(3) === 0,
      })
      if (!run.finished) interrupted++
      const { problems, files } = await afterCrash(dir, rawDatabase)
      expect(problems).toEqual([])
      if (files.length === 0) break
    }
    expect(interrupted).toBeGreaterThan(0)
  }, 240_000)
})
