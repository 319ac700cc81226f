import { randomBytes } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportBundle } from '../../main/exchange/exportBundle'
import { importBundle } from '../../main/exchange/importBundle'
import { blobsDirectory, databaseFile } from '../../main/vault/layout'
import { newVault } from '../support/exchangeFixtures'
import { tempDir } from '../support/tempDirs'

async function* once(bytes: Uint8Array) {
  yield bytes
}

/**
 * A bundle refused after its files were staged (its payload is cut short
 * after the last file) must give back everything it took: the database file
 * is no larger than before, and no staged blob stays in the vault folder.
 */
describe('a refused import does not grow the vault', () => {
  it('three refused imports: database size and blob folder as before', async () => {
    const source = await newVault()
    for (let i = 0; i < 2; i++) {
      await source.store.files.add({ name: `evidence-${i}.bin`, mime: 'application/octet-stream' }, once(randomBytes(1024 * 1024)))
    }
    // Many small files: their staged rows alone take new pages.
    for (let i = 0; i < 200; i++) {
      await source.store.files.add({ name: `screenshot-${i}.png`, mime: 'image/png' }, once(randomBytes(200)))
    }
    // Many small rows as well, so the staged records would take pages too.
    for (let i = 0; i < 150; i++) source.store.contacts.create({ name: `Contact Example ${i}`, notes: 'x'.repeat(400) })
    const out = join(await tempDir(), 'bundle.age')
    await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [source.store.identity.publicKey()] }, out })
    const cut = join(await tempDir(), 'cut.age')
    const whole = await readFile(out)
    await writeFile(cut, whole.subarray(0, whole.length - 600))

    const target = await newVault()
    target.store.contacts.create({ name: 'Already Here Example' })
    const size = async () => (await stat(join(target.dir, databaseFile))).size
    const blobs = () => readdir(join(target.dir, blobsDirectory))
    const before = { size: await size(), blobs: await blobs() }
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(importBundle(target.store, cut, { identity: source.store.identity.secretKey() })).rejects.toMatchObject({
        code: 'BUNDLE_DAMAGED',
      })
      expect(await size()).toBeLessThanOrEqual(before.size)
      expect(await blobs()).toEqual(before.blobs)
    }
    expect(target.counts()).toMatchObject({ contacts: 1, files: 0 })
    expect(before.size).toBeGreaterThan(0)
    source.lock()
    target.lock()
  })
})
