import { copyFile, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { deriveKey } from '../../main/vault/kdf'
import { changePassphrase, createVault, databaseFile, headerFile, setDuressPassphrase, unlockVault } from '../../main/vault/vault'
import { snapshot, tempDir } from '../support/tempDirs'

// The real Argon2id, watched: the duress path must not run it a second time.
vi.mock('../../main/vault/kdf', async (importOriginal) => {
  const kdf = await importOriginal<typeof import('../../main/vault/kdf')>()
  return { ...kdf, deriveKey: vi.fn(kdf.deriveKey) }
})

const fast = { kdf: 'minimum' } as const
const real = 'the real passphrase'
const duress = 'please do not hurt me'

async function vaultWithDuress() {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, real, fast)
  const v = await unlockVault(dir, real, fast)
  v.store.contacts.create({ name: 'Secret Lawyer Example' })
  v.lock()
  await setDuressPassphrase(dir, real, duress)
  return dir
}

describe('duress passphrase', () => {
  it('wipes the vault and opens a new empty one under the duress passphrase', async () => {
    const dir = await vaultWithDuress()
    const saved = await tempDir()
    await copyFile(join(dir, databaseFile), join(saved, databaseFile))
    const before = await snapshot(dir)

    const opened = await unlockVault(dir, duress, fast)
    expect(opened.counts()).toEqual({ campaigns: 0, people: 0, documents: 0, contacts: 0, incidents: 0, files: 0 })
    opened.lock()
    const after = await snapshot(dir)
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
    expect(after[databaseFile]).not.toBe(before[databaseFile])

    await expect(unlockVault(dir, real, fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    // The old database with the real passphrase and the new header opens nothing.
    await copyFile(join(saved, databaseFile), join(dir, databaseFile))
    await expect(unlockVault(dir, real, fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    await expect(unlockVault(dir, duress, fast)).rejects.toMatchObject({ code: 'CORRUPT_DATABASE' })
  })

  it('reuses the key-encryption key already derived: one Argon2id run, same salt and parameters', async () => {
    const dir = await vaultWithDuress()
    const headerBefore = await readFile(join(dir, headerFile))
    vi.mocked(deriveKey).mockClear()
    const opened = await unlockVault(dir, duress, fast)
    expect(vi.mocked(deriveKey)).toHaveBeenCalledOnce()
    opened.lock()
    const headerAfter = await readFile(join(dir, headerFile))
    // Format, parameters and salt (bytes 0..51) are as before; the wrapped key is new.
    expect(headerAfter.subarray(0, 52)).toEqual(headerBefore.subarray(0, 52))
    expect(headerAfter.subarray(64, 112)).not.toEqual(headerBefore.subarray(64, 112))
    const again = await unlockVault(dir, duress, fast)
    expect(again.counts().contacts).toBe(0)
    again.lock()
  })

  it('the fresh vault is a copy of a prepared schema under its own key and salt, sharing nothing with another', async () => {
    const dir = await vaultWithDuress()
    const other = join(await tempDir(), 'vault')
    await createVault(other, real, fast)
    const before = await readFile(join(dir, databaseFile))
    ;(await unlockVault(dir, duress, fast)).lock()
    const [fresh, unrelated] = [await readFile(join(dir, databaseFile)), await readFile(join(other, databaseFile))]
    // SQLCipher's first 16 bytes are the file's salt.
    expect(new Set([before, fresh, unrelated].map((b) => b.subarray(0, 16).toString('hex'))).size).toBe(3)
    await expect(unlockVault(other, duress, fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
  })

  it('survives a change of the real passphrase', async () => {
    const dir = await vaultWithDuress()
    await changePassphrase(dir, real, 'the next real passphrase')
    const opened = await unlockVault(dir, duress, fast)
    expect(opened.counts().contacts).toBe(0)
    opened.lock()
  })

  it('must differ from the real passphrase, in either direction', async () => {
    const dir = await vaultWithDuress()
    const before = await snapshot(dir)
    await expect(setDuressPassphrase(dir, real, real)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(changePassphrase(dir, real, duress)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(await snapshot(dir)).toEqual(before)
  })

  it('can be cleared, after which it is just a wrong passphrase', async () => {
    const dir = await vaultWithDuress()
    await setDuressPassphrase(dir, real, null)
    await expect(unlockVault(dir, duress, fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['sestra.db', 'sestra.keys']))
    expect(await readFile(join(dir, 'sestra.failures'), 'utf8')).toMatch(/"count":1\b/)
  })
})
