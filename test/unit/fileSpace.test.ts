import { randomBytes } from 'node:crypto'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVault, databaseFile, unlockVault } from '../../main/vault/vault'
import { tempDir } from '../support/tempDirs'

describe('deleting a stored file', () => {
  it('is crypto-erase: the key row and the blob go, and the database never held the bytes', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, 'file space passphrase', { kdf: 'minimum' })
    const vault = await unlockVault(dir, 'file space passphrase', { kdf: 'minimum' })
    try {
      const before = (await stat(join(dir, databaseFile))).size
      const bytes = randomBytes(3 * 1024 * 1024)
      const file = await vault.store.files.add(
        { name: 'video.mp4', mime: 'video/mp4', modifiedAt: null },
        (async function* () {
          yield bytes
        })(),
      )
      const blobs = await readdir(join(dir, 'blobs'))
      expect(blobs).toHaveLength(1)
      expect((await stat(join(dir, 'blobs', blobs[0]!))).size).toBeGreaterThan(bytes.length)
      expect((await stat(join(dir, databaseFile))).size - before).toBeLessThan(64 * 1024)
      await vault.store.files.delete(file.id)
      expect(await readdir(join(dir, 'blobs'))).toEqual([])
      expect(() => vault.store.files.get(file.id)).toThrow()
    } finally {
      vault.lock()
    }
  })
})
