import { access, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { inThreadAge, type AgeEngine } from '../../main/exchange/ageEngine'
import { exportBundle } from '../../main/exchange/exportBundle'
import { restoreBundle, stagingFolderFor } from '../../main/exchange/restoreBundle'
import { createVault, unlockVault } from '../../main/vault/vault'
import { fillVault, newVault } from '../support/exchangeFixtures'
import { tempDir } from '../support/tempDirs'

const fast = { kdf: 'minimum' } as const
const newPassphrase = 'restored vault passphrase'

async function backup() {
  const source = await newVault()
  await fillVault(source.store)
  const out = join(await tempDir(), 'backup.age')
  await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [source.store.identity.publicKey()] }, out })
  const key = { identity: source.store.identity.secretKey() }
  source.lock()
  return { out, key }
}

/** An age engine whose plaintext stops after its first piece until released: a restore caught half-way. */
function pausedAge() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let reachedMiddle!: () => void
  const middle = new Promise<void>((resolve) => (reachedMiddle = resolve))
  const age: AgeEngine = {
    ...inThreadAge,
    async decryptFile(path, key) {
      const plain = await inThreadAge.decryptFile(path, key)
      return (async function* () {
        let first = true
        for await (const piece of plain) {
          yield piece
          if (first) {
            first = false
            reachedMiddle()
            await released
          }
        }
      })()
    },
  }
  return { age, middle, release }
}

describe('restore builds the vault beside the target and moves it in only when complete', () => {
  it('half-way through, the target holds nothing (absent stays absent, empty stays empty)', async () => {
    const { out, key } = await backup()
    for (const existing of [false, true]) {
      const target = join(await tempDir(), 'restored')
      if (existing) await mkdir(target)
      const { age, middle, release } = pausedAge()
      const restoring = restoreBundle(out, key, target, newPassphrase, fast, { age })
      await middle
      if (existing) expect(await readdir(target)).toEqual([])
      else await expect(access(target)).rejects.toThrow()
      release()
      expect((await restoring).written).toMatchObject({ files: 3 })
      const vault = await unlockVault(target, newPassphrase, fast)
      expect(vault.counts()).toMatchObject({ campaigns: 2, files: 3 })
      vault.lock()
      await expect(access(stagingFolderFor(target))).rejects.toThrow()
    }
  })

  it('a staging folder left by a killed attempt is removed, and the retry succeeds', async () => {
    const { out, key } = await backup()
    const target = join(await tempDir(), 'restored')
    // What a kill leaves: a vault that opens and holds nothing, plus stray bytes.
    await createVault(stagingFolderFor(target), newPassphrase, fast)
    await writeFile(join(stagingFolderFor(target), 'sestra.db-journal'), 'stray')
    await restoreBundle(out, key, target, newPassphrase, fast)
    await expect(access(stagingFolderFor(target))).rejects.toThrow()
    const vault = await unlockVault(target, newPassphrase, fast)
    expect(vault.counts()).toMatchObject({ campaigns: 2, people: 2, files: 3 })
    vault.lock()
  })

  it('a failed restore leaves neither the target nor the staging folder', async () => {
    const { out } = await backup()
    const target = join(await tempDir(), 'restored')
    const wrongKey = { passphrase: 'not how it was encrypted' }
    await expect(restoreBundle(out, wrongKey, target, newPassphrase, fast)).rejects.toMatchObject({ code: expect.stringMatching(/^BUNDLE_/) })
    await expect(access(target)).rejects.toThrow()
    await expect(access(stagingFolderFor(target))).rejects.toThrow()
  })
})
