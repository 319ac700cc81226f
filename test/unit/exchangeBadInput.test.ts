import { createHash, randomBytes } from 'node:crypto'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBundle } from '../../main/exchange/exportBundle'
import { importBundle } from '../../main/exchange/importBundle'
import { readBundle } from '../../main/exchange/readBundle'
import { restoreBundle } from '../../main/exchange/restoreBundle'
import { uncheckedTables } from '../../main/exchange/rowChecks'
import { endOfArchive } from '../../main/exchange/tar'
import type { OpenVault } from '../../main/vault/vault'
import { makeTar, parseTar } from '../support/bundleTar'
import { dumpVault, fillVault, newVault } from '../support/exchangeFixtures'
import { snapshot } from '../support/tempDirs'

/*
 * Every bad bundle is refused with its own error, and leaves the vault it was
 * imported into as it was (same records, same files, no new files on disk),
 * and a restore target absent.
 */

let source: OpenVault
let target: OpenVault
let work: string
let good: Buffer
let tarBytes: Buffer
let identity: string

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function encrypt(plain: Buffer) {
  const encrypter = new Encrypter()
  encrypter.addRecipient(await identityToRecipient(identity))
  return Buffer.from(await encrypter.encrypt(plain))
}

/** Re-signs a tampered manifest into the entries, so only the intended lie remains. */
function withManifest(entries: { path: string; data: Buffer }[], edit: (m: Record<string, unknown> & { entries: { path: string; size: number; sha256: string }[] }) => void) {
  const manifest = JSON.parse(entries[0]!.data.toString('utf8'))
  edit(manifest)
  // The vault's signature no longer fits the edited manifest; unsigned bundles are accepted (and said to be unsigned).
  return [{ path: 'manifest.json', data: Buffer.from(JSON.stringify(manifest)) }, ...entries.slice(1).filter((e) => e.path !== 'manifest.json.sig')]
}

/** Changes the rows of one records file and re-signs the manifest to match. */
const editRecords = (entries: { path: string; data: Buffer }[]) => (path: string, change: (records: Record<string, unknown>[]) => void) => {
  const entry = entries.find((e) => e.path === path)
  if (!entry) throw new Error(entries.map((e) => e.path).join(','))
  const records = JSON.parse(entry.data.toString('utf8'))
  change(records)
  const data = Buffer.from(JSON.stringify(records))
  const replaced = entries.map((e) => (e === entry ? { path, data } : e))
  return withManifest(replaced, (m) => {
    Object.assign(m.entries.find((e) => e.path === path)!, { size: data.length, sha256: sha(data) })
    ;(m.counts as Record<string, number>)[path.slice('records/'.length, -'.json'.length)] = records.length
  })
}

async function expectRefused(bundle: Buffer, code: string, detail?: RegExp) {
  const path = join(work, `bad-${randomBytes(4).toString('hex')}.age`)
  await writeFile(path, bundle)
  const before = await dumpVault(target.store)
  const disk = await snapshot(target.dir)
  const error = await importBundle(target.store, path, { identity }).then(() => null, (e: { code: string; detail?: string }) => e)
  expect(error).toMatchObject({ code })
  if (detail) expect(error?.detail).toMatch(detail)
  expect(await dumpVault(target.store)).toEqual(before)
  // The database's pages do change (staged chunks are written, then deleted and
  // zeroed); what must not change is its content and the set of files.
  expect(Object.keys(await snapshot(target.dir))).toEqual(Object.keys(disk))
}

beforeAll(async () => {
  // Not tempDir(): that one is emptied after each test, and these vaults and bundles serve them all.
  work = await mkdtemp(join(tmpdir(), 'sestra-bad-'))
  source = await newVault(work)
  target = await newVault(work)
  await fillVault(source.store)
  target.store.contacts.create({ name: 'Already Here' })
  identity = target.store.identity.secretKey()
  const out = join(work, 'good.age')
  await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [target.store.identity.publicKey()] }, out })
  good = await readFile(out)
  const decrypter = new Decrypter()
  decrypter.addIdentity(identity)
  tarBytes = Buffer.from(await decrypter.decrypt(good))
})
afterAll(async () => {
  source.lock()
  target.lock()
  await rm(work, { recursive: true, force: true })
})

describe('bad bundles are refused and change nothing', () => {
  it('the untampered bundle is accepted (control)', async () => {
    const copy = await newVault()
    try {
      await writeFile(join(work, 'control.age'), good)
      await expect(importBundle(copy.store, join(work, 'control.age'), { identity: copy.store.identity.secretKey() })).rejects.toMatchObject({ code: 'BUNDLE_NOT_FOR_YOU' })
      expect((await importBundle(copy.store, join(work, 'control.age'), { identity })).written).toMatchObject({ files: 3 })
    } finally {
      copy.lock()
    }
  })

  it('not an age file', async () => {
    await expectRefused(Buffer.from('just some text, not encrypted\n'), 'BUNDLE_NOT_AGE')
    await expectRefused(tarBytes, 'BUNDLE_NOT_AGE')
    await expectRefused(Buffer.alloc(0), 'BUNDLE_NOT_AGE')
  })

  it('encrypted to someone else', async () => {
    const encrypter = new Encrypter()
    encrypter.addRecipient(await identityToRecipient(await generateX25519Identity()))
    await expectRefused(Buffer.from(await encrypter.encrypt(tarBytes)), 'BUNDLE_NOT_FOR_YOU')
  })

  it('wrong passphrase, and a passphrase bundle opened with a key', async () => {
    const encrypter = new Encrypter()
    encrypter.setScryptWorkFactor(10)
    encrypter.setPassphrase('the right passphrase')
    const bundle = Buffer.from(await encrypter.encrypt(tarBytes))
    const path = join(work, 'pass.age')
    await writeFile(path, bundle)
    await expect(importBundle(target.store, path, { passphrase: 'a wrong passphrase' })).rejects.toMatchObject({ code: 'BUNDLE_WRONG_PASSPHRASE' })
    await expectRefused(bundle, 'BUNDLE_NOT_FOR_YOU', /passphrase/)
  })

  it('truncated anywhere', async () => {
    const payloadChunk = 64 * 1024 + 16
    const headerEnd = good.indexOf('\n---') + 48
    for (const length of [10, 40, headerEnd - 5, headerEnd + 10, headerEnd + 16 + payloadChunk, good.length - 1, good.length - 17]) {
      await expectRefused(good.subarray(0, length), length < 21 ? 'BUNDLE_NOT_AGE' : 'BUNDLE_DAMAGED')
    }
  })

  it('one flipped byte anywhere', async () => {
    const positions = [30, 60, 100, good.indexOf('\n---') + 10, good.indexOf('\n---') + 60, 5000, 70_000, 1_000_000, good.length - 20, good.length - 1]
    for (const at of positions) {
      const bad = Buffer.from(good)
      bad[at]! ^= 0x01
      const path = join(work, `flip-${at}.age`)
      await writeFile(path, bad)
      const error = await importBundle(target.store, path, { identity }).then(() => null, (e: { code: string }) => e)
      // A flip in the recipient stanza makes the key look like someone else's: no way to tell apart.
      expect(['BUNDLE_DAMAGED', 'BUNDLE_NOT_FOR_YOU']).toContain(error?.code)
    }
    expect((await dumpVault(target.store)).records.contacts).toHaveLength(1)
  })

  it('a manifest that lies about a size or a hash names the entry', async () => {
    const entries = parseTar(tarBytes)
    const fileEntry = entries.find((e) => e.path.startsWith('files/') && e.data.length > 1000)!
    const id = fileEntry.path.split('/')[1]!
    const wrongHash = withManifest(entries, (m) => (m.entries.find((e) => e.path === fileEntry.path)!.sha256 = sha(Buffer.from('other'))))
    await expectRefused(await encrypt(makeTar(wrongHash)), 'BUNDLE_INVALID', new RegExp(`files/${id}$`))
    const tooSmall = withManifest(entries, (m) => (m.entries.find((e) => e.path === fileEntry.path)!.size -= 1))
    await expectRefused(await encrypt(makeTar(tooSmall)), 'BUNDLE_OVERSIZED', new RegExp(`files/${id}$`))
    const changedBytes = entries.map((e) => (e === fileEntry ? { ...e, data: Buffer.from(e.data).fill(7, 0, 10) } : e))
    await expectRefused(await encrypt(makeTar(changedBytes)), 'BUNDLE_INVALID', new RegExp(`files/${id}$`))
    const wrongCount = withManifest(entries, (m) => ((m.counts as Record<string, number>).contacts = 5))
    await expectRefused(await encrypt(makeTar(wrongCount)), 'BUNDLE_INVALID', /contacts/)
    await expectRefused(await encrypt(makeTar(entries.slice(0, -1))), 'BUNDLE_INVALID', /missing/)
  })

  it('paths that try to escape', async () => {
    const entries = parseTar(tarBytes)
    for (const path of ['../evil.txt', '/etc/passwd', 'files/../../x', 'records/../../x.json']) {
      const data = Buffer.from('x')
      const lying = withManifest(entries, (m) => m.entries.push({ path, size: 1, sha256: sha(data) }))
      await expectRefused(await encrypt(makeTar([...lying, { path, data }])), 'BUNDLE_UNSAFE_PATH')
      await expectRefused(await encrypt(makeTar([...entries, { path, data }])), 'BUNDLE_UNSAFE_PATH')
    }
  })

  it('a newer bundle version', async () => {
    const entries = withManifest(parseTar(tarBytes), (m) => (m.formatVersion = 2))
    await expectRefused(await encrypt(makeTar(entries)), 'BUNDLE_NEWER_VERSION')
  })

  it('a bundle larger than its manifest says', async () => {
    const entries = parseTar(tarBytes)
    await expectRefused(await encrypt(makeTar([...entries, { path: 'records/extra.json', data: Buffer.from('[]') }])), 'BUNDLE_OVERSIZED')
    await expectRefused(await encrypt(makeTar(entries, Buffer.concat([Buffer.from(endOfArchive), Buffer.from('more data')]))), 'BUNDLE_OVERSIZED')
    await expectRefused(await encrypt(makeTar(entries, Buffer.alloc(1024 * 1024))), 'BUNDLE_OVERSIZED')
  })

  it('rows that point at nothing, break a column rule or carry unknown columns', async () => {
    const edit = editRecords(parseTar(tarBytes))
    await expectRefused(await encrypt(makeTar(edit('records/people.json', (r) => r.splice(0, 2)))), 'BUNDLE_INVALID', /references/)
    await expectRefused(await encrypt(makeTar(edit('records/contacts.json', (r) => (r[0]!.name = null)))), 'BUNDLE_INVALID')
    await expectRefused(await encrypt(makeTar(edit('records/contacts.json', (r) => (r[0]!.secret_column = 'x')))), 'BUNDLE_NEWER_VERSION')
  })

  it('a row that breaks a domain schema is refused, naming the item and the field', async () => {
    const edit = editRecords(parseTar(tarBytes))
    const cases: [string, (r: Record<string, unknown>[]) => void, RegExp][] = [
      ['records/incidents.json', (r) => (r[0]!.kind = 'made_up_kind'), /incidents\.json item 1: kind$/],
      ['records/people.json', (r) => (r[0]!.birth_date = '2023-02-30'), /people\.json item \d: birthDate$/],
      ['records/allies.json', (r) => (r[0]!.public_key = 'age1notakey'), /allies\.json item 1: publicKey$/],
      ['records/contacts.json', (r) => (r[0]!.roles = '["spy"]'), /contacts\.json item 1: roles\.0$/],
      ['records/contacts.json', (r) => (r[0]!.phones = 'not json'), /contacts\.json item 1: encoding$/],
      ['records/campaigns.json', (r) => (r[0]!.id = 'not-a-uuid'), /campaigns\.json item 1: id$/],
      ['records/links.json', (r) => (r[0]!.kind = 'owns'), /links\.json item 1: kind$/],
      ['records/custody.json', (r) => (r[0]!.action = 'rewritten'), /custody\.json item 1: action$/],
      ['records/files.json', (r) => (r[0]!.name = ''), /files\.json item 1: name$/],
    ]
    for (const [path, change, detail] of cases) {
      await expectRefused(await encrypt(makeTar(edit(path, change))), 'BUNDLE_INVALID', detail)
    }
  })

  it('rows are stored as the app stores them, link to records that exist, and keep one id to one record type', async () => {
    const entries = parseTar(tarBytes)
    const edit = editRecords(entries)
    const firstPerson = JSON.parse(entries.find((e) => e.path === 'records/people.json')!.data.toString('utf8'))[0]
    const localContact = target.store.contacts.list().items[0]!
    const nowhere = '00000000-0000-4000-8000-000000000000'
    const cases: [string, (r: Record<string, unknown>[]) => void, RegExp][] = [
      ['records/contacts.json', (r) => (r[0]!.speed_dial = 'yes'), /contacts\.json item 1: speed_dial$/],
      ['records/links.json', (r) => (r[0]!.to_id = nowhere), /links\.json item 1: references a record that does not exist$/],
      ['records/links.json', (r) => (r[0]!.from_id = nowhere), /links\.json item 1: references a record that does not exist$/],
      ['records/contacts.json', (r) => (r[0]!.id = firstPerson.id), /(contacts|people)\.json item \d+: id also a record of (people|contacts)$/],
      ['records/incidents.json', (r) => (r[0]!.id = localContact.id), /incidents\.json item 1: id also a record of contacts$/],
    ]
    for (const [path, change, detail] of cases) {
      await expectRefused(await encrypt(makeTar(edit(path, change))), 'BUNDLE_INVALID', detail)
    }
  })

  it('every table a bundle can carry has its rows checked', () => {
    expect(uncheckedTables(target.store)).toEqual([])
  })

  it('a failed restore leaves the new vault folder absent', async () => {
    const bad = Buffer.from(good)
    bad[good.length - 30]! ^= 0x80
    await writeFile(join(work, 'restore-bad.age'), bad)
    const dir = join(work, 'never')
    await expect(restoreBundle(join(work, 'restore-bad.age'), { identity }, dir, 'new vault passphrase', { kdf: 'minimum' })).rejects.toMatchObject({ code: 'BUNDLE_DAMAGED' })
    await expect(access(dir)).rejects.toThrow()
  })

  it('a refusal lets go of the decrypting source at once (its file closed, its key zeroed), not at garbage collection', async () => {
    let released = false
    async function* decrypted() {
      try {
        yield tarBytes.subarray(0, 512)
        yield Buffer.alloc(512, 0x41)
        yield tarBytes.subarray(1024)
      } finally {
        released = true
      }
    }
    await expect(readBundle(decrypted(), async () => ({ size: 0, sha256: '' }))).rejects.toMatchObject({ code: expect.stringMatching(/^BUNDLE_/) })
    expect(released).toBe(true)
  })
})
