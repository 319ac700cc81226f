import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { headerFile } from '../../main/vault/vault'
import { runCli } from '../support/runCli'
import { snapshot, tempDir } from '../support/tempDirs'

const pass = 'cli test passphrase'

async function initVault() {
  const dir = join(await tempDir(), 'vault')
  const result = await runCli(['init', '--vault', dir], `${pass}\n`)
  expect(result).toMatchObject({ code: 0, stderr: '' })
  return dir
}

/** Errors are one plain line: no stack frames, no file paths of the source. */
function expectPlainError(stderr: string, text: RegExp) {
  expect(stderr).toMatch(text)
  expect(stderr).not.toMatch(/\n\s+at |\.ts:\d|Error:/)
}

describe('sestra CLI', () => {
  it('init, contact add, contact list, status', async () => {
    const dir = await initVault()
    const added = await runCli(
      ['contact', 'add', '--vault', dir, '--name', 'Aigul Test', '--phone', '+996 555 000 111', '--role', 'lawyer', '--notes', 'speed dial'],
      `${pass}\n`,
    )
    expect(added.code).toBe(0)
    const id = added.stdout.trim()
    expect(id).toMatch(/^[0-9a-f-]{36}$/)

    const listed = await runCli(['contact', 'list', '--vault', dir, '--json'], `${pass}\n`)
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id, name: 'Aigul Test', phone: '+996 555 000 111', role: 'lawyer', notes: 'speed dial' }),
    ])

    const status = await runCli(['status', '--vault', dir, '--json'], `${pass}\n`)
    expect(JSON.parse(status.stdout)).toMatchObject({
      formatVersion: 1,
      kdf: { algorithm: 'argon2id', memoryKiB: 65536, timeCost: 3, parallelism: 4 },
      counts: { contacts: 1 },
    })
    const noCounts = await runCli(['status', '--vault', dir, '--json'])
    expect(noCounts.code).toBe(0)
    expect(JSON.parse(noCounts.stdout)).not.toHaveProperty('counts')
  })

  it('passwd: the old passphrase stops working, the data stays', async () => {
    const dir = await initVault()
    await runCli(['contact', 'add', '--vault', dir, '--name', 'Kept Contact'], `${pass}\n`)
    expect((await runCli(['passwd', '--vault', dir], `${pass}\nbrand new passphrase\n`)).code).toBe(0)
    expect((await runCli(['contact', 'list', '--vault', dir, '--json'], `${pass}\n`)).code).toBe(3)
    const listed = await runCli(['contact', 'list', '--vault', dir, '--json'], 'brand new passphrase\n')
    expect(JSON.parse(listed.stdout).map((c: { name: string }) => c.name)).toEqual(['Kept Contact'])
  })

  it('exit codes: 2 usage, 3 wrong passphrase, 4 not a vault or damaged, 1 other', async () => {
    const dir = await initVault()
    expect((await runCli([])).code).toBe(2)
    expect((await runCli(['frobnicate'])).code).toBe(2)
    expect((await runCli(['contact', 'add', '--vault', dir], `${pass}\n`)).code).toBe(2)
    expect((await runCli(['contact', 'add', '--vault', dir, '--name', 'X', '--role', 'spy'], `${pass}\n`)).code).toBe(2)
    expect((await runCli(['contact', 'list', '--vault', dir, '--bogus'], `${pass}\n`)).code).toBe(2)
    expect((await runCli(['contact', 'list', '--vault', dir])).code).toBe(2)
    const invalid = await runCli(['contact', 'add', '--vault', dir, '--name', 'X', '--phone', 'not a phone'], `${pass}\n`)
    expect(invalid.code).toBe(2)
    expectPlainError(invalid.stderr, /not valid/)

    const wrong = await runCli(['contact', 'list', '--vault', dir], 'not it at all\n')
    expect(wrong.code).toBe(3)
    expectPlainError(wrong.stderr, /passphrase is not correct/)
    expect(wrong.stderr).not.toContain('not it at all')

    const empty = await tempDir()
    const notVault = await runCli(['contact', 'list', '--vault', empty], `${pass}\n`)
    expect(notVault.code).toBe(4)
    expectPlainError(notVault.stderr, /does not contain a Sestra vault/)

    const header = await readFile(join(dir, headerFile))
    header[30]! ^= 1
    await writeFile(join(dir, headerFile), header)
    const damaged = await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)
    expect(damaged.code).toBe(4)
    expectPlainError(damaged.stderr, /damaged/)
  })

  it('init refuses an existing vault and changes nothing (exit 1)', async () => {
    const dir = await initVault()
    const before = await snapshot(dir)
    const again = await runCli(['init', '--vault', dir], 'another passphrase\n')
    expect(again.code).toBe(1)
    expectPlainError(again.stderr, /already exists/)
    expect(await snapshot(dir)).toEqual(before)
  })

  it('speaks Russian when the locale is Russian', async () => {
    const empty = await tempDir()
    const result = await runCli(['contact', 'list', '--vault', empty], `${pass}\n`, { LANG: 'ru_RU.UTF-8' })
    expect(result.stderr).toContain('В этой папке нет хранилища Sestra.')
  })

  it('never takes a passphrase as an argument', async () => {
    const dir = join(await tempDir(), 'vault')
    const result = await runCli(['init', '--vault', dir, '--passphrase', pass])
    expect(result.code).toBe(2)
  })
})

describe('sestra wipe', () => {
  it('needs no passphrase and reports the timing of each step', async () => {
    const dir = await initVault()
    const result = await runCli(['wipe', '--vault', dir, '--json'])
    expect(result.code).toBe(0)
    expect(Object.keys(JSON.parse(result.stdout))).toEqual(['headerDestroyedMs', 'databaseRemovedMs', 'blobsRemovedMs', 'filesRemovedMs'])
    expect((await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)).code).toBe(4)
  })
})
