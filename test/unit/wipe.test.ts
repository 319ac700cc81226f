import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { VaultService } from '../../main/vault/service'
import { createVault, databaseFile, headerFile, unlockVault } from '../../main/vault/vault'
import { wipeVault } from '../../main/vault/wipe'
import { tempDir } from '../support/tempDirs'

const pass = 'wipe test passphrase'
const fast = { kdf: 'minimum' } as const

describe('wipe', () => {
  it('destroys the header first; a copy of the database is useless afterwards', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, pass, fast)
    const saved = await tempDir()
    await copyFile(join(dir, databaseFile), join(saved, databaseFile))
    const timings = await wipeVault(dir)
    expect(await readdir(dir)).toEqual([])
    expect(timings.headerDestroyedMs).toBeGreaterThanOrEqual(0)
    expect(timings.filesRemovedMs).toBeGreaterThanOrEqual(timings.headerDestroyedMs)
    // With the correct passphrase and every remaining file, nothing opens.
    await expect(unlockVault(saved, pass, fast)).rejects.toMatchObject({ code: 'NOT_A_VAULT' })
  })

  it('removes leftover header temp files, which also hold the wrapped key', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, pass, fast)
    await copyFile(join(dir, headerFile), join(dir, `.${headerFile}.abc123.tmp`))
    await wipeVault(dir)
    expect(await readdir(dir)).toEqual([])
  })

  it('wipes an unlocked vault: keys zeroed, database closed, files gone', async () => {
    const keys: Buffer[] = []
    const dir = join(await tempDir(), 'vault')
    const service = new VaultService(dir, { ...fast, onKeyMaterial: (k) => keys.push(k) })
    await service.create(pass)
    service.store.contacts.create({ name: 'Someone Example' })
    await service.wipe()
    expect(await readdir(dir)).toEqual([])
    expect(keys.every((k) => k.every((b) => b === 0))).toBe(true)
    expect(await service.state()).toBe('absent')
  })

  it('refuses a folder that holds no vault and touches nothing in it', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'notes.txt'), 'unrelated')
    await expect(wipeVault(dir)).rejects.toMatchObject({ code: 'NOT_A_VAULT' })
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('unrelated')
  })
})
