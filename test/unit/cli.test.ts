import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Encrypter } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import { endOfArchive, fileHeader, paddingFor } from '../../main/exchange/tar'
import { commands, findCommand } from '../../main/cli/commands'
import { exitCodeMeanings, exitCodes } from '../../main/cli/exitCodes'
import { databaseFile, headerFile } from '../../main/vault/vault'
import { bundleFormat } from '../../shared/bundle'
import { asNobody, runCli } from '../support/runCli'
import { runCliTty } from '../support/runCliTty'
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

  it('a folder in place of the key file or the database exits 4, changing nothing', async () => {
    for (const file of [headerFile, databaseFile]) {
      const dir = await initVault()
      await rm(join(dir, file))
      await mkdir(join(dir, file))
      const before = await snapshot(dir)
      const result = await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)
      expect(result.code, file).toBe(4)
      expectPlainError(result.stderr, /damaged/)
      expect(await snapshot(dir)).toEqual(before)
    }
  })

  it('refuses a passphrase below the floor at init, passwd and export, saying why; --allow-weak lets tests through', { timeout: 180_000 }, async () => {
    const parent = await tempDir()
    for (const [weak, why] of [
      ['qwerty123', /one of the first anyone would try/],
      ['hunter22', /too easy to guess/],
      ['kv#9q', /too short/],
    ] as const) {
      const refused = await runCli(['init', '--vault', join(parent, 'weak')], `${weak}\n`)
      expect(refused.code, weak).toBe(2)
      expectPlainError(refused.stderr, why)
      expect(refused.stderr).not.toContain(weak)
    }
    const russian = await runCli(['init', '--vault', join(parent, 'weak')], 'qwerty123\n', { LANG: 'ru_RU.UTF-8' })
    expect(russian.stderr).toContain('Эту парольную фразу попробуют одной из первых.')
    expect(await snapshot(parent)).toEqual({})

    const dir = await initVault()
    const header = await snapshot(dir)
    expect((await runCli(['passwd', '--vault', dir], `${pass}\nqwerty123\n`)).code).toBe(2)
    expect(await snapshot(dir)).toEqual(header)
    const out = join(parent, 'weak.age')
    expect((await runCli(['export', '--vault', dir, '--out', out, '--passphrase'], `${pass}\nhunter22\n`)).code).toBe(2)
    expect(await snapshot(parent)).toEqual({})

    expect((await runCli(['init', '--vault', join(parent, 'weak'), '--allow-weak'], 'hunter22\n')).code).toBe(0)
    expect((await runCli(['passwd', '--vault', dir, '--allow-weak'], `${pass}\nhunter22\n`)).code).toBe(0)
    expect((await runCli(['contact', 'list', '--vault', dir], 'hunter22\n')).code).toBe(0)
  })

  it('duress set: the floor applies; the duress passphrase empties the vault; --clear removes it', { timeout: 180_000 }, async () => {
    const dir = await initVault()
    await runCli(['contact', 'add', '--vault', dir, '--name', 'Kept Contact'], `${pass}\n`)
    const duress = 'meadow copper window saddle harbor'
    const weak = await runCli(['duress', 'set', '--vault', dir], `${pass}\nqwerty123\n`)
    expect(weak.code).toBe(2)
    expect((await runCli(['duress', 'set', '--vault', dir], `${pass}\n${pass}\n`)).code).toBe(2)
    expect((await runCli(['duress', 'set', '--vault', dir], `${pass}\n${duress}\n`)).code).toBe(0)
    expect((await runCli(['duress', 'set', '--vault', dir, '--clear'], `${pass}\n`)).code).toBe(0)
    expect((await runCli(['contact', 'list', '--vault', dir], `${duress}\n`)).code).toBe(3)
    expect((await runCli(['duress', 'set', '--vault', dir], `${pass}\n${duress}\n`)).code).toBe(0)
    const listed = await runCli(['contact', 'list', '--vault', dir, '--json'], `${duress}\n`)
    expect(listed).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(listed.stdout)).toEqual([])
    expect((await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)).code).toBe(3)
  })

  it('--help on every command and on its own, exit 0, listing every exit code', async () => {
    const general = await runCli(['--help'])
    expect(general.code).toBe(0)
    const usages = general.stdout.split('\n').filter((l) => l.startsWith('  sestra '))
    expect(usages.length).toBeGreaterThan(20)
    for (const code of Object.values(exitCodes)) expect(general.stdout).toContain(`  ${code}  ${exitCodeMeanings[code]}`)
    expect(usages).toEqual(commands.map((c) => `  ${c.usage}`))
    // Every command is found by its words with --help after them; a few of them run for real.
    for (const command of commands) expect(findCommand([...command.name.split(' '), '--help'])?.command).toBe(command)
    for (const name of ['init', 'contact add', 'campaign readiness', 'file add', 'export']) {
      const help = await runCli([...name.split(' '), '--help'])
      expect(help.code, name).toBe(0)
      expect(help.stdout).toContain(`Usage: sestra ${name} `)
    }
  })

  it('the README lists every exit code, and runs the CLI without npm', async () => {
    const readme = await readFile(join(import.meta.dirname, '../../README.md'), 'utf8')
    for (const code of Object.values(exitCodes)) expect(readme).toMatch(new RegExp(`^- \`${code}\` `, 'm'))
    expect(readme).not.toMatch(/npm run (-s )?cli/)
  })

  it('reads record content from standard input with --stdin-json, after the passphrase', { timeout: 180_000 }, async () => {
    const dir = await initVault()
    const content = { name: 'Json Example', phone: ['+996 555 000 222'], role: ['lawyer'], notes: 'via stdin' }
    const added = await runCli(['contact', 'add', '--vault', dir, '--stdin-json'], `${pass}\n${JSON.stringify(content)}\n`)
    expect(added, added.stderr).toMatchObject({ code: 0, stderr: '' })
    const listed = JSON.parse((await runCli(['contact', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)
    expect(listed).toEqual([expect.objectContaining({ name: 'Json Example', phones: ['+996 555 000 222'], roles: ['lawyer'], notes: 'via stdin' })])

    // Bad JSON, unknown keys, wrong types and a key given twice are usage errors that echo no value.
    for (const [stdin, args] of [
      [`${pass}\n{"name": "Json Secret"\n`, []],
      [`${pass}\n["Json Secret"]\n`, []],
      [`${pass}\n{"nmae": "Json Secret"}\n`, []],
      [`${pass}\n{"name": ["Json Secret"]}\n`, []],
      [`${pass}\n{"name": "Json Secret"}\n`, ['--name', 'Other']],
      [`${pass}\n{"name": "Json Secret", "arguments": ["x"]}\n`, []],
      [`${pass}\n`, []],
    ] as const) {
      const refused = await runCli(['contact', 'add', '--vault', dir, '--stdin-json', ...args], stdin)
      expect(refused.code, stdin).toBe(2)
      expect(refused.stderr).not.toContain('Json Secret')
    }
    expect(JSON.parse((await runCli(['contact', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)).toHaveLength(1)

    // A file's path (its name may say what it holds) goes in "arguments".
    const work = await tempDir()
    await writeFile(join(work, 'threat from Json Example.txt'), 'fictional threat\n')
    const paths = JSON.stringify({ arguments: [join(work, 'threat from Json Example.txt')] })
    const file = await runCli(['file', 'add', '--vault', dir, '--stdin-json'], `${pass}\n${paths}\n`)
    expect(file, file.stderr).toMatchObject({ code: 0, stderr: '' })
    const files = JSON.parse((await runCli(['file', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)
    expect(files).toEqual([expect.objectContaining({ name: 'threat from Json Example.txt' })])
    expect((await runCli(['file', 'add', '--vault', dir, 'other.txt', '--stdin-json'], `${pass}\n${paths}\n`)).code).toBe(2)
  })

  it('at a terminal, --stdin-json asks for the JSON line; the passphrase is typed twice and never shown', { timeout: 180_000 }, async () => {
    const dir = join(await tempDir(), 'vault')
    const created = await runCliTty(['init', '--vault', dir], [['New passphrase: ', pass], ['Repeat it: ', pass]])
    expect(created.code, created.stdout).toBe(0)
    const json = JSON.stringify({ name: 'Tty Example', role: ['lawyer'] })
    const added = await runCliTty(['contact', 'add', '--vault', dir, '--stdin-json'], [['Options as JSON, on one line: ', json], ['Vault passphrase: ', pass]])
    expect(added.code, added.stdout).toBe(0)
    expect(added.stdout).toContain(json)
    for (const shown of [created.stdout, added.stdout]) expect(shown).not.toContain(pass)
    const listed = JSON.parse((await runCli(['contact', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)
    expect(listed).toEqual([expect.objectContaining({ name: 'Tty Example', roles: ['lawyer'] })])
  })

  it('never takes a passphrase as an argument', async () => {
    const dir = join(await tempDir(), 'vault')
    const result = await runCli(['init', '--vault', dir, '--passphrase', pass])
    expect(result.code).toBe(2)
  })
})

describe('bundle exit codes', () => {
  it('6 for a damaged bundle or none at all, 7 for one made for someone else, 8 for a newer one; nothing changes', { timeout: 180_000 }, async () => {
    const [mine, theirs] = [await initVault(), await initVault()]
    const work = await tempDir()
    const myKey = (await runCli(['identity', '--vault', mine], `${pass}\n`)).stdout.trim()
    await runCli(['contact', 'add', '--vault', theirs, '--name', 'Shared Contact'], `${pass}\n`)
    const good = join(work, 'good.age')
    expect((await runCli(['export', '--vault', theirs, '--out', good, '--to', myKey], `${pass}\n`)).code).toBe(0)
    const bytes = await readFile(good)

    const damaged = Buffer.from(bytes)
    damaged[damaged.length - 20]! ^= 1
    const manifest = Buffer.from(JSON.stringify({ format: bundleFormat, formatVersion: 99 }))
    const tar = Buffer.concat([fileHeader('manifest.json', manifest.length, new Date()), manifest, Buffer.alloc(paddingFor(manifest.length)), endOfArchive])
    const encrypter = new Encrypter()
    encrypter.addRecipient(myKey)
    const bundles = {
      damaged,
      notAge: Buffer.from('not a bundle at all\n'),
      newer: Buffer.from(await encrypter.encrypt(tar)),
    }
    const before = await snapshot(mine)
    const importInto = async (vault: string, bundle: Buffer | string) => {
      const path = typeof bundle === 'string' ? bundle : join(work, 'bad.age')
      if (typeof bundle !== 'string') await writeFile(path, bundle)
      const result = await runCli(['import', '--vault', vault, '--in', path], `${pass}\n`)
      expectPlainError(result.stderr, /Nothing was changed/)
      return result.code
    }
    expect(await importInto(mine, bundles.damaged)).toBe(exitCodes.badBundle)
    expect(await importInto(mine, bundles.notAge)).toBe(exitCodes.badBundle)
    expect(await importInto(mine, bundles.newer)).toBe(exitCodes.newerBundle)
    expect(await importInto(theirs, good)).toBe(exitCodes.foreignBundle)
    expect(await snapshot(mine)).toEqual(before)
    expect((await runCli(['import', '--vault', mine, '--in', good], `${pass}\n`)).code).toBe(0)
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

  // Only root can run the CLI as another user; the test suite runs as root on the build machines.
  const asRoot = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv')
  if (!asRoot) console.warn('skipped "exit 9 for an unfinished wipe": needs root and setpriv to run the CLI as nobody')
  it.skipIf(!asRoot)('exits 9 and names what is left when the wipe cannot finish', async () => {
    const dir = await initVault()
    // A vault nobody may read but not change: the wipe cannot overwrite or unlink anything.
    for (const path of [join(dir, '..'), dir, join(dir, headerFile), join(dir, databaseFile)]) await chmod(path, (await stat(path)).isDirectory() ? 0o755 : 0o644)
    const result = await runCli(['wipe', '--vault', dir], '', {}, asNobody)
    expect(result.code).toBe(exitCodes.wipeIncomplete)
    expect(result.stderr).toMatch(/^sestra: THE WIPE DID NOT FINISH.*sestra\.keys NOT/)
    expect((await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)).code).toBe(0)
  })
})
