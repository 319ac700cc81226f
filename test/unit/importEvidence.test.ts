import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { custodyHash } from '../../main/evidence/custodyLog'
import { verifyVault } from '../../main/evidence/verify'
import { inThreadAge } from '../../main/exchange/ageEngine'
import { exportBundle } from '../../main/exchange/exportBundle'
import { importStream, type MergePreference } from '../../main/exchange/importBundle'
import type { VaultSigningKey } from '../../main/store/signingKey'
import type { OpenVault } from '../../main/vault/vault'
import { makeTar, parseTar, type TarEntry } from '../support/bundleTar'
import { collect, patterned, piecesOf } from '../support/evidenceVault'
import { newVault } from '../support/exchangeFixtures'
import { sshVerify } from '../support/sshKeygen'
import { tempDir } from '../support/tempDirs'

const opened: OpenVault[] = []
afterEach(() => opened.splice(0).forEach((v) => v.lock()))
const track = (v: OpenVault) => (opened.push(v), v)

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

async function* once(bytes: Buffer) {
  yield bytes
}

/** A vault holding one incident with an attached file: the sender. */
async function sender() {
  const vault = track(await newVault())
  const file = await vault.store.files.add({ name: 'comment-screenshot.png' }, piecesOf(patterned(50_000)))
  const incident = vault.store.incidents.create({ title: 'Call to violence under the leaflet', kind: 'threat', occurredOn: '2026-11-26', fileIds: [file.id] })
  return { vault, file, incident }
}

/** The decrypted tar of a whole-vault export. */
async function plainBundle(source: OpenVault): Promise<TarEntry[]> {
  const out = join(await tempDir(), 'bundle.age')
  await exportBundle(source.store, { selection: { kind: 'vault' }, to: { recipients: [source.store.identity.publicKey()] }, out })
  return parseTar(await collect(await inThreadAge.decryptFile(out, { identity: source.store.identity.secretKey() })))
}

const entry = (entries: TarEntry[], path: string) => entries.find((e) => e.path === path)!
const rowsOf = (entries: TarEntry[], table: string) => JSON.parse(entry(entries, `records/${table}.json`).data.toString('utf8')) as Record<string, unknown>[]
function setRows(entries: TarEntry[], table: string, rows: unknown[]) {
  entry(entries, `records/${table}.json`).data = Buffer.from(JSON.stringify(rows))
}

/** Lists every entry's size and hash again, and signs with `key` (a forger holding a vault's key) or not at all. */
function reseal(entries: TarEntry[], key: VaultSigningKey | null): Buffer {
  const manifest = JSON.parse(entry(entries, 'manifest.json').data.toString('utf8')) as { entries: { path: string; size: number; sha256: string }[] }
  const body = entries.filter((e) => !e.path.startsWith('manifest.json'))
  for (const e of body) Object.assign(manifest.entries.find((m) => m.path === e.path)!, { size: e.data.length, sha256: sha(e.data) })
  const bytes = Buffer.from(JSON.stringify(manifest))
  const signature = key ? [{ path: 'manifest.json.sig', data: Buffer.from(key.sign('sestra-bundle', bytes)) }] : []
  return makeTar([{ path: 'manifest.json', data: bytes }, ...signature, ...body])
}

const importTar = (target: OpenVault, tar: Buffer, prefer: MergePreference = 'keep') => importStream(target.store, once(tar), prefer)

async function chainsOf(target: OpenVault, ...subjects: ['incident' | 'file', string][]) {
  return subjects.map(([type, id]) => target.store.custody.entries(type, id).map((e) => e.hash))
}

describe('evidence arriving in a bundle', () => {
  it('new chains are adopted with heads of the receiving vault; the bundle names its signer', async () => {
    const a = await sender()
    const b = track(await newVault())
    const tar = makeTar(await plainBundle(a.vault))
    const first = await importTar(b, tar)
    expect(first.written.custody).toBe(4)
    expect(first.summary.signature).toEqual({ status: 'unknown', publicKey: a.vault.store.signingKey.publicKey() })
    expect((await verifyVault(b.store)).problems).toEqual([])

    const ally = b.store.allies.create({ name: 'Sender Example', publicKey: a.vault.store.identity.publicKey(), signingKey: `${a.vault.store.signingKey.publicKey()} sender@example.org` })
    expect((await importTar(b, tar)).summary.signature).toMatchObject({ status: 'ally', allyId: ally.id, allyName: 'Sender Example' })
    expect((await importTar(a.vault, tar)).summary.signature.status).toBe('this_vault')
    expect((await importTar(b, reseal(parseTar(tar), null))).summary.signature).toEqual({ status: 'unsigned' })
  })

  it('ssh-keygen checks the bundle signature with the sender\'s public key', async () => {
    const a = await sender()
    const entries = await plainBundle(a.vault)
    expect(entries.map((e) => e.path).slice(0, 2)).toEqual(['manifest.json', 'manifest.json.sig'])
    const checked = sshVerify(await tempDir(), a.vault.store.signingKey.publicKey(), 'sestra-bundle', entry(entries, 'manifest.json.sig').data.toString(), entry(entries, 'manifest.json').data)
    expect(checked.code, checked.stderr).toBe(0)
  })

  it('a manifest changed under its signature is refused', async () => {
    const a = await sender()
    const entries = await plainBundle(a.vault)
    const manifest = JSON.parse(entry(entries, 'manifest.json').data.toString('utf8')) as Record<string, unknown>
    entry(entries, 'manifest.json').data = Buffer.from(JSON.stringify({ ...manifest, appVersion: '9.9.9' }))
    const b = track(await newVault())
    await expect(importTar(b, makeTar(entries))).rejects.toMatchObject({ code: 'BUNDLE_INVALID', detail: 'manifest.json.sig' })
  })

  for (const prefer of ['keep', 'incoming'] as const) {
    it(`later entries for chains the vault holds are refused, never appended (${prefer})`, async () => {
      const a = await sender()
      const b = track(await newVault())
      await importTar(b, makeTar(await plainBundle(a.vault)))
      const before = await chainsOf(b, ['incident', a.incident.id], ['file', a.file.id])
      a.vault.store.incidents.annotate(a.incident.id, 'Screenshot sent to the lawyer.')
      a.vault.store.custody.append('file', a.file.id, 'exported', { to: 'lawyer' })
      await expect(importTar(b, makeTar(await plainBundle(a.vault)), prefer)).rejects.toMatchObject({ code: 'BUNDLE_CONFLICT' })
      expect(await chainsOf(b, ['incident', a.incident.id], ['file', a.file.id])).toEqual(before)
      expect((await verifyVault(b.store)).problems).toEqual([])
    })
  }

  it('a forged entry added to a held chain, hashed and signed correctly, is refused', async () => {
    const a = await sender()
    const b = track(await newVault())
    const entries = await plainBundle(a.vault)
    await importTar(b, makeTar(entries))
    const custody = rowsOf(entries, 'custody')
    const chain = custody.filter((r) => r.subject_id === a.incident.id)
    const last = chain.at(-1)!
    const forged = { subjectType: 'incident' as const, subjectId: a.incident.id, position: chain.length, at: '2026-11-28T09:00:00.000Z', action: 'annotated' as const, detail: { text: 'She withdrew the complaint.' }, prevHash: String(last.hash) }
    setRows(entries, 'custody', [...custody, { subject_type: 'incident', subject_id: a.incident.id, position: forged.position, at: forged.at, action: forged.action, detail: JSON.stringify(forged.detail), prev_hash: forged.prevHash, hash: custodyHash(forged) }])
    const before = await chainsOf(b, ['incident', a.incident.id])
    await expect(importTar(b, reseal(entries, a.vault.store.signingKey))).rejects.toMatchObject({ code: 'BUNDLE_CONFLICT', detail: expect.stringContaining(a.incident.id) })
    expect(await chainsOf(b, ['incident', a.incident.id])).toEqual(before)
  })

  it('--prefer-incoming never replaces a stored file\'s bytes', async () => {
    const a = await sender()
    const b = track(await newVault())
    const entries = await plainBundle(a.vault)
    await importTar(b, makeTar(entries))
    const bytes = entries.find((e) => e.path.startsWith(`files/${a.file.id}/`))!
    bytes.data = Buffer.from(bytes.data).fill(0x41, 0, 100)
    setRows(entries, 'files', rowsOf(entries, 'files').map((r) => (r.id === a.file.id ? { ...r, sha256: sha(bytes.data) } : r)))
    await expect(importTar(b, reseal(entries, a.vault.store.signingKey), 'incoming')).rejects.toMatchObject({ code: 'BUNDLE_CONFLICT', detail: `file ${a.file.id}: other bytes` })
    expect(await collect(b.store.files.read(a.file.id))).toEqual(patterned(50_000))
    expect((await verifyVault(b.store)).problems).toEqual([])
  })

  it('a chain that does not recompute is refused before anything is written', async () => {
    const a = await sender()
    const b = track(await newVault())
    const entries = await plainBundle(a.vault)
    setRows(entries, 'custody', rowsOf(entries, 'custody').map((r) => (r.subject_id === a.incident.id && r.position === 0 ? { ...r, at: '2026-01-01T00:00:00.000Z' } : r)))
    await expect(importTar(b, reseal(entries, null))).rejects.toMatchObject({ code: 'BUNDLE_INVALID', detail: `custody of incident ${a.incident.id}` })
    expect(b.store.incidents.count()).toBe(0)
    expect(b.store.files.count()).toBe(0)
  })

  it('a bundle from before custody logs existed is accepted; its records start their chains here', async () => {
    const a = await sender()
    const b = track(await newVault())
    const entries = (await plainBundle(a.vault)).filter((e) => e.path !== 'records/custody.json')
    const manifest = JSON.parse(entry(entries, 'manifest.json').data.toString('utf8')) as { counts: Record<string, number>; entries: { path: string }[] }
    delete manifest.counts.custody
    manifest.entries = manifest.entries.filter((e) => e.path !== 'records/custody.json')
    entry(entries, 'manifest.json').data = Buffer.from(JSON.stringify(manifest))
    await importTar(b, reseal(entries, null))
    expect(b.store.custody.entries('incident', a.incident.id).map((e) => [e.action, e.detail.backfilled])).toEqual([
      ['created', true],
      ['file_attached', true],
    ])
    expect(b.store.custody.entries('file', a.file.id).map((e) => [e.action, e.detail.backfilled])).toEqual([['intake', true]])
    expect((await verifyVault(b.store)).problems).toEqual([])
  })
})
