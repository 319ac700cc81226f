import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVault, databaseFile, unlockVault } from '../../main/vault/vault'
import { tempDir } from '../support/tempDirs'

describe('deleting a stored file', () => {
  it('gives its space back: the database file shrinks by about the file', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, 'file space passphrase', { kdf: 'minimum' })
    const vault = await unlockVault(dir, 'file space passphrase', { kdf: 'minimum' })
    try {
      const bytes = randomBytes(3 * 1024 * 1024)
      const file = await vault.store.files.add(
        { name: 'video.mp4', mime: 'video/mp4', modifiedAt: null },
        (async function* () {
          yield bytes
        })(),
      )
      const withFile = (await stat(join(dir, databaseFile))).size
      vault.store.files.delete(file.id)
      const afterDelete = (await stat(join(dir, databaseFile))).size
      expect(withFile - afterDelete).toBeGreaterThan(bytes.length * 0.9)
    } finally {
      vault.lock()
    }
  })
})
