import { spawnSync } from 'node:child_process'
import { chmod, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { changePassphrase, createOpenVault, createVault, databaseFile, headerFile, latestSchemaVersion, readHeaderInfo, unlockVault } from '../../main/vault/vault'
import { failuresFile } from '../../main/vault/layout'
import { snapshot, tempDir } from '../support/tempDirs'

const fast = { kdf: 'minimum' } as const
const pass = 'tulip river 1987 lantern'

async function newVault() {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, pass, fast)
  return dir
}

describe('vault lifecycle', () => {
  it('creates a vault of exactly two private files and opens it', async () => {
    const dir = await newVault()
    expect(Object.keys(await snapshot(dir)).sort()).toEqual([databaseFile, headerFile].sort())
    const info = await readHeaderInfo(dir)
    expect(info).toMatchObject({ formatVersion: 1, kdf: { algorithm: 'argon2id', memoryKiB: 65536, timeCost: 3, parallelism: 4 } })
    const vault = await unlockVault(dir, pass, fast)
    expect(vault.schemaVersion()).toBe(latestSchemaVersion)
    expect(vault.counts().contacts).toBe(0)
    vault.lock()
  })

  it('creates a vault already open (one Argon2id run): what it holds is there at the next unlock, under that passphrase only', async () => {
    const dir = join(await tempDir(), 'vault')
    let derived = 0
    const opened = await createOpenVault(dir, pass, { ...fast, onKeyMaterial: () => derived++ })
    expect(derived).toBe(0)
    opened.store.contacts.create({ name: 'Made at creation' })
    opened.lock()
    await expect(createOpenVault(dir, pass, fast)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' })
    await expect(unlockVault(dir, 'not the passphrase', fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    const vault = await unlockVault(dir, pass, fast)
    expect(vault.store.contacts.list().items.map((c) => c.name)).toEqual(['Made at creation'])
    vault.lock()
  })

  it('refuses to create over an existing vault and leaves it alone', async () => {
    const dir = await newVault()
    const before = await snapshot(dir)
    await expect(createVault(dir, 'another passphrase', fast)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' })
    expect(await snapshot(dir)).toEqual(before)
  })

  it('refuses a too short passphrase before writing anything', async () => {
    const dir = join(await tempDir(), 'vault')
    await expect(createVault(dir, 'short', fast)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(readFile(join(dir, headerFile))).rejects.toThrow()
  })

  it('rejects a wrong passphrase with its own error', async () => {
    const dir = await newVault()
    await expect(unlockVault(dir, 'not the passphrase', fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
  })

  it('changes the passphrase by rewrapping the key only: data intact, database untouched', async () => {
    const dir = await newVault()
    const v = await unlockVault(dir, pass, fast)
    v.store.contacts.create({ name: 'Mira Example', phones: ['+7 700 000 0000'] })
    v.lock()
    const dbBefore = (await snapshot(dir))[databaseFile]
    const headerBefore = await readFile(join(dir, headerFile))
    await changePassphrase(dir, pass, 'a completely new passphrase')
    expect((await snapshot(dir))[databaseFile]).toBe(dbBefore)
    expect((await readFile(join(dir, headerFile))).equals(headerBefore)).toBe(false)
    await expect(unlockVault(dir, pass, fast)).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    const reopened = await unlockVault(dir, 'a completely new passphrase', fast)
    expect(reopened.store.contacts.list().items.map((c) => c.name)).toEqual(['Mira Example'])
    reopened.lock()
  })

  it('a wrong current passphrase changes nothing, and counts as a failure', async () => {
    const dir = await newVault()
    const before = await snapshot(dir)
    await expect(changePassphrase(dir, 'wrong wrong wrong', 'a completely new passphrase')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    const { [failuresFile]: counter, ...after } = await snapshot(dir)
    expect(after).toEqual(before)
    expect(counter).toBeDefined()
  })

  it('lock zeroes every key buffer and closes the database', async () => {
    const dir = await newVault()
    const keys: Buffer[] = []
    const vault = await unlockVault(dir, pass, { ...fast, onKeyMaterial: (b) => keys.push(b) })
    expect(keys).toHaveLength(2)
    // The key-encryption key is zeroed as soon as the data key is out.
    expect(keys[0]!.every((b) => b === 0)).toBe(true)
    expect(keys[1]!.some((b) => b !== 0)).toBe(true)
    vault.lock()
    expect(keys[1]!.every((b) => b === 0)).toBe(true)
    expect(() => vault.store).toThrow(expect.objectContaining({ code: 'LOCKED' }))
  })
})

describe('bad input gets a clear error and changes nothing', () => {
  async function expectUnlockError(dir: string, code: string) {
    const before = await snapshot(dir)
    await expect(unlockVault(dir, pass, fast)).rejects.toMatchObject({ code })
    expect(await snapshot(dir)).toEqual(before)
  }

  it('an empty directory is not a vault', async () => {
    await expectUnlockError(await tempDir(), 'NOT_A_VAULT')
  })

  it('a truncated header', async () => {
    const dir = await newVault()
    const header = await readFile(join(dir, headerFile))
    await writeFile(join(dir, headerFile), header.subarray(0, 60))
    await expectUnlockError(dir, 'CORRUPT_HEADER')
  })

  it('a header with flipped bytes', async () => {
    const dir = await newVault()
    const header = await readFile(join(dir, headerFile))
    header[40]! ^= 0xff
    header[80]! ^= 0x10
    await writeFile(join(dir, headerFile), header)
    await expectUnlockError(dir, 'CORRUPT_HEADER')
  })

  it('a random file posing as the database', async () => {
    const dir = await newVault()
    await writeFile(join(dir, databaseFile), Buffer.alloc(8192, 0x5a))
    await expectUnlockError(dir, 'CORRUPT_DATABASE')
  })

  it('another vault’s database with this header', async () => {
    const dir = await newVault()
    const other = await newVault()
    await copyFile(join(other, databaseFile), join(dir, databaseFile))
    await expectUnlockError(dir, 'CORRUPT_DATABASE')
  })

  it('an emptied database', async () => {
    const dir = await newVault()
    await writeFile(join(dir, databaseFile), '')
    await expectUnlockError(dir, 'CORRUPT_DATABASE')
  })

  it('a deleted database', async () => {
    const dir = await newVault()
    await rm(join(dir, databaseFile))
    await expectUnlockError(dir, 'CORRUPT_DATABASE')
  })

  it('a read-only directory', async () => {
    const parent = await tempDir()
    const dir = join(parent, 'ro')
    await mkdir(dir)
    await chmod(dir, 0o500)
    if (process.getuid?.() === 0) {
      // Root ignores permissions: run the attempt as "nobody" in a child.
      await chmod(parent, 0o755)
      const result = spawnSync('node', ['--import', 'tsx', 'test/support/createVaultCli.ts', dir], {
        uid: 65534,
        gid: 65534,
        encoding: 'utf8',
        env: { ...process.env, HOME: '/tmp' },
      })
      expect(result.stdout.trim()).toBe('READ_ONLY')
    } else {
      await expect(createVault(dir, pass, fast)).rejects.toMatchObject({ code: 'READ_ONLY' })
    }
    expect(await snapshot(dir)).toEqual({})
  })
})
