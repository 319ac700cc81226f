import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportBundle } from '../../main/exchange/exportBundle'
import { unlockVault } from '../../main/vault/vault'
import { ageDecryptWithKey, ageEncryptTo, ageKeygen, ageWithPassphrase, tarList, untar } from '../support/ageCli'
import { dumpVault, fillVault, newVault } from '../support/exchangeFixtures'
import { runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

/*
 * The promise to an ally without Sestra: `age -d` and `tar x` read a bundle,
 * and the manifest's hashes match what they extracted. And the other way:
 * whatever the `age` CLI encrypts to a vault's key, Sestra restores.
 */

const pass = 'interop vault passphrase'

async function checkExtracted(dir: string) {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
  expect(manifest).toMatchObject({ format: 'sestra-bundle', formatVersion: 1 })
  for (const entry of manifest.entries as { path: string; size: number; sha256: string }[]) {
    const bytes = await readFile(join(dir, entry.path))
    expect(bytes.length).toBe(entry.size)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256)
  }
  return manifest
}

beforeAll(async () => {
  // The CLI under test is the built one.
  expect((await runCli([])).code).toBe(2)
})

describe('interoperability with the age CLI', () => {
  it('a bundle exported to a recipient decrypts with `age -d -i` and extracts with `tar`', async () => {
    const work = await tempDir()
    const recipient = await ageKeygen(join(work, 'ally.key'))
    const source = await newVault()
    try {
      const made = await fillVault(source.store)
      await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [recipient] }, out: join(work, 'b.age') })
      await ageDecryptWithKey(join(work, 'ally.key'), join(work, 'b.age'), join(work, 'b.tar'))
      expect((await tarList(join(work, 'b.tar')))[0]).toBe('manifest.json')
      await mkdir(join(work, 'x'))
      await untar(join(work, 'b.tar'), join(work, 'x'))
      const manifest = await checkExtracted(join(work, 'x'))
      expect(manifest.counts).toMatchObject({ contacts: 2, files: 3 })
      const contacts = JSON.parse(await readFile(join(work, 'x/records/contacts.json'), 'utf8'))
      expect(contacts.map((c: { name: string }) => c.name).sort()).toEqual(['Legal Aid Test', 'Not In Campaign'])
      // The stored name "screenshot ../../evil.png" is made a plain name; the bytes are the file's.
      const shot = await readFile(join(work, 'x/files', made.screenshot.id, 'screenshot .._.._evil.png'))
      expect(shot.equals(made.bytes.screenshot)).toBe(true)
    } finally {
      source.lock()
    }
  })

  // Passphrase bundles run scrypt (twice to make one: see sealHeader), a second or more each on a busy machine.
  it('CLI export with --passphrase decrypts with `age -d` at its passphrase prompt', { timeout: 180_000 }, async () => {
    const work = await tempDir()
    const vault = join(work, 'vault')
    expect((await runCli(['init', '--vault', vault], `${pass}\n`)).code).toBe(0)
    expect((await runCli(['contact', 'add', '--vault', vault, '--name', 'Olga Fictional'], `${pass}\n`)).code).toBe(0)
    const exported = await runCli(['export', '--vault', vault, '--out', join(work, 'p.age'), '--passphrase'], `${pass}\nusb stick passphrase\n`)
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    const decrypted = ageWithPassphrase(['-d', '-o', join(work, 'p.tar'), join(work, 'p.age')], 'usb stick passphrase')
    expect(decrypted.code).toBe(0)
    await mkdir(join(work, 'x'))
    await untar(join(work, 'p.tar'), join(work, 'x'))
    await checkExtracted(join(work, 'x'))
    expect(await readFile(join(work, 'x/records/contacts.json'), 'utf8')).toContain('Olga Fictional')

    const wrong = ageWithPassphrase(['-d', '-o', join(work, 'w.tar'), join(work, 'p.age')], 'not the passphrase')
    expect(wrong.code).not.toBe(0)
  })

  it('CLI export of one contact card to an ally carries that contact only', async () => {
    const work = await tempDir()
    const vault = join(work, 'vault')
    const allyKey = await ageKeygen(join(work, 'ally.key'))
    expect((await runCli(['init', '--vault', vault], `${pass}\n`)).code).toBe(0)
    const chosen = await runCli(['contact', 'add', '--vault', vault, '--name', 'Lawyer Fictional', '--role', 'lawyer'], `${pass}\n`)
    expect((await runCli(['contact', 'add', '--vault', vault, '--name', 'Not Shared Fictional'], `${pass}\n`)).code).toBe(0)
    const exported = await runCli(
      ['export', '--vault', vault, '--out', join(work, 'card.age'), '--to', allyKey, '--contact', chosen.stdout.trim()],
      `${pass}\n`,
    )
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    await ageDecryptWithKey(join(work, 'ally.key'), join(work, 'card.age'), join(work, 'card.tar'))
    await mkdir(join(work, 'x'))
    await untar(join(work, 'card.tar'), join(work, 'x'))
    await checkExtracted(join(work, 'x'))
    const contacts = await readFile(join(work, 'x/records/contacts.json'), 'utf8')
    expect(contacts).toContain('Lawyer Fictional')
    expect(contacts).not.toContain('Not Shared Fictional')
  })

  it('a bundle the age CLI encrypted to the vault key (or with a passphrase) restores with the CLI', { timeout: 180_000 }, async () => {
    const work = await tempDir()
    const allyKey = await ageKeygen(join(work, 'ally.key'))
    const source = await newVault()
    let expected
    try {
      await fillVault(source.store)
      expected = await dumpVault(source.store)
      await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [allyKey] }, out: join(work, 'b.age') })
    } finally {
      source.lock()
    }
    // The ally, after the activist's wipe: decrypts, then re-encrypts to her new vault's key.
    await ageDecryptWithKey(join(work, 'ally.key'), join(work, 'b.age'), join(work, 'b.tar'))
    const fresh = join(work, 'fresh')
    expect((await runCli(['init', '--vault', fresh], `${pass}\n`)).code).toBe(0)
    const identity = await runCli(['identity', '--vault', fresh], `${pass}\n`)
    expect(identity.stdout.trim()).toMatch(/^age1[a-z0-9]{58}$/)
    await ageEncryptTo(identity.stdout.trim(), join(work, 'b.tar'), join(work, 'for-her.age'))

    const restored = await runCli(
      ['restore', '--vault', join(work, 'restored'), '--in', join(work, 'for-her.age'), '--identity-from', fresh, '--json'],
      `${pass}\nrestored vault passphrase\n`,
    )
    expect(restored).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(restored.stdout).written).toMatchObject({ contacts: 2, files: 3 })
    const copy = await unlockVault(join(work, 'restored'), 'restored vault passphrase', { kdf: 'minimum' })
    try {
      expect(await dumpVault(copy.store)).toEqual(expected)
    } finally {
      copy.lock()
    }

    // age -p asks for the passphrase twice (and to confirm nothing else).
    expect(ageWithPassphrase(['-p', '-o', join(work, 'p.age'), join(work, 'b.tar')], 'handed over on paper').code).toBe(0)
    const byPassphrase = await runCli(
      ['restore', '--vault', join(work, 'second'), '--in', join(work, 'p.age'), '--passphrase'],
      'handed over on paper\nsecond vault passphrase\n',
    )
    expect(byPassphrase).toMatchObject({ code: 0, stderr: '' })
  })
})
