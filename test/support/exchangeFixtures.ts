import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Store } from '../../main/store/records'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { tempDir } from './tempDirs'

export const vaultPassphrase = 'exchange test passphrase'

/** In a fresh temp dir removed after the test, or in `parent` for vaults shared by a file's tests. */
export async function newVault(parent?: string): Promise<OpenVault> {
  const dir = join(parent ?? (await tempDir()), `vault-${randomBytes(4).toString('hex')}`)
  await createVault(dir, vaultPassphrase, { kdf: 'minimum' })
  return unlockVault(dir, vaultPassphrase, { kdf: 'minimum' })
}

async function* pieces(bytes: Buffer, size = 100_000) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** Fictional records of every type, linked as a campaign would be, with three files. */
export async function fillVault(store: Store) {
  const campaign = store.campaigns.create({ title: '16 days (test)', startDate: '2026-11-25', endDate: '2026-12-10' })
  const other = store.campaigns.create({ title: 'Unrelated campaign' })
  const self = store.people.create({ name: 'Dana Example', relation: 'self' })
  const child = store.people.create({ name: 'Timur Example', relation: 'child', birthDate: '2016-02-29' })
  const passport = store.documents.create({ personId: self.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-01-01' })
  const lawyer = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true, channels: [{ kind: 'signal', handle: '@aid.01' }] })
  const stranger = store.contacts.create({ name: 'Not In Campaign' })
  const incident = store.incidents.create({ title: 'Threatening comment', kind: 'threat', occurredOn: '2026-11-26', url: 'https://example.org/post/1' })
  const ally = store.allies.create({ name: 'Ally Abroad', publicKey: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p', verification: 'call', verifiedOn: '2026-11-01' })
  const big = randomBytes(2 * 1024 * 1024 + 123)
  const screenshot = await store.files.add({ name: 'screenshot ../../evil.png', mime: 'image/png' }, pieces(big))
  const empty = await store.files.add({ name: 'empty.txt', mime: 'text/plain' }, pieces(Buffer.alloc(0)))
  const note = await store.files.add({ name: 'заметка.txt', mime: 'text/plain' }, pieces(Buffer.from('Только вымышленные данные\n')))
  const link = (fromType: string, fromId: string, toType: string, toId: string, kind: string) =>
    store.links.create({ fromType, fromId, toType, toId, kind } as never)
  link('person', self.id, 'campaign', campaign.id, 'participant')
  link('person', child.id, 'person', self.id, 'child_of')
  link('contact', lawyer.id, 'campaign', campaign.id, 'participant')
  link('incident', incident.id, 'campaign', campaign.id, 'concerns')
  link('file', screenshot.id, 'incident', incident.id, 'attached')
  return { campaign, other, self, child, passport, lawyer, stranger, incident, ally, screenshot, empty, note, bytes: { screenshot: big } }
}

/** Every record of every table and every file's bytes: what a round trip must preserve. */
export async function dumpVault(store: Store) {
  const records: Record<string, unknown[]> = {}
  for (const table of store.tableRows.tables()) {
    const rows = store.tableRows.rows(table)
    // Row order is storage order; compare as sets.
    records[table] = rows.map((r) => JSON.stringify(r)).sort()
  }
  const files: Record<string, { meta: unknown; sha256: string; size: number }> = {}
  for (const file of store.files.list()) {
    const parts: Uint8Array[] = []
    for await (const part of store.files.read(file.id)) parts.push(part)
    const bytes = Buffer.concat(parts)
    files[file.id] = { meta: file, sha256: sha256(bytes), size: bytes.length }
  }
  return { records, files }
}
