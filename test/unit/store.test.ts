import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { chunkSize } from '../../main/store/files'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { tempDir } from '../support/tempDirs'

let vault: OpenVault

beforeEach(async () => {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, 'store test passphrase', { kdf: 'minimum' })
  vault = await unlockVault(dir, 'store test passphrase', { kdf: 'minimum' })
})
afterEach(() => vault.lock())

async function* pieces(bytes: Buffer, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

async function readAll(id: string) {
  const parts: Uint8Array[] = []
  for await (const part of vault.store.files.read(id)) parts.push(part)
  return Buffer.concat(parts)
}

describe('records', () => {
  it('create, read, update and delete every record type', () => {
    const { store } = vault
    const person = store.people.create({ name: 'Dana Example', birthDate: '1990-02-28', relation: 'self' })
    const child = store.people.create({ name: 'Timur Example', birthDate: '2016-02-29', relation: 'child' })
    const cases = [
      [store.campaigns, { title: '16 days', startDate: '2026-11-25', endDate: '2026-12-10' }, { goals: 'Be safe' }],
      [store.people, { name: 'Lena Example' }, { relation: 'colleague' }],
      [store.documents, { personId: person.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-01-01' }, { number: 'AC0000000' }],
      [store.contacts, { name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'] }, { speedDial: true }],
      [store.incidents, { title: 'Threatening comment', kind: 'threat', occurredOn: '2026-11-26' }, { severity: 'high' }],
      [store.links, { fromType: 'person', fromId: child.id, toType: 'person', toId: person.id, kind: 'child_of' }, { kind: 'related' }],
    ] as const
    for (const [table, input, patch] of cases) {
      const created = (table.create as (i: unknown) => { id: string; createdAt: string; updatedAt: string })(input)
      expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
      expect(table.get(created.id)).toMatchObject(input)
      const later = new Date(Date.parse(created.updatedAt) + 1000)
      const updated = (table.update as (id: string, p: unknown, now: Date) => { updatedAt: string; createdAt: string })(created.id, patch, later)
      expect(updated).toMatchObject({ ...patch, createdAt: created.createdAt, updatedAt: later.toISOString() })
      expect(table.get(created.id)).toMatchObject(patch)
      table.delete(created.id)
      expect(() => table.get(created.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    }
  })

  it('keeps arrays and flags as they were given', () => {
    const contact = vault.store.contacts.create({
      name: 'Mira Example',
      roles: ['psychologist', 'ally'],
      phones: ['+7 700 000 0000', '+7 700 000 0001'],
      channels: [{ kind: 'signal', handle: '@mira.01' }],
      languages: ['ru', 'kk'],
      speedDial: true,
    })
    expect(vault.store.contacts.get(contact.id)).toEqual(contact)
  })

  it('rejects invalid input and writes nothing', () => {
    const bad = [
      () => vault.store.contacts.create({ name: '' }),
      () => vault.store.contacts.create({ name: 'X', phones: ['call me maybe'] }),
      () => vault.store.campaigns.create({ title: 'Backwards', startDate: '2026-12-10', endDate: '2026-11-25' }),
      () => vault.store.people.create({ name: 'Y', birthDate: '2023-02-29' }),
    ]
    for (const attempt of bad) expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(vault.counts()).toMatchObject({ contacts: 0, campaigns: 0, people: 0 })
  })

  it('deleting a person removes their documents', () => {
    const person = vault.store.people.create({ name: 'Dana Example' })
    vault.store.documents.create({ personId: person.id, kind: 'visa', issuingCountry: 'Schengen' })
    vault.store.people.delete(person.id)
    expect(vault.store.documents.count()).toBe(0)
  })
})

describe('files in chunks', () => {
  for (const size of [0, 1, chunkSize, chunkSize + 1, 3 * chunkSize + 12345]) {
    it(`round-trips ${size} bytes with the same SHA-256`, async () => {
      const bytes = Buffer.alloc(size)
      for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff
      const record = await vault.store.files.add({ name: `sample-${size}.bin` }, pieces(bytes))
      expect(record.size).toBe(size)
      expect(record.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect((await readAll(record.id)).equals(bytes)).toBe(true)
    })
  }

  it('an aborted import leaves no record and no chunks', async () => {
    const controller = new AbortController()
    async function* slow() {
      yield Buffer.alloc(chunkSize * 2, 1)
      controller.abort()
      yield Buffer.alloc(10, 2)
    }
    await expect(vault.store.files.add({ name: 'cut.bin' }, slow(), controller.signal)).rejects.toThrow()
    expect(vault.store.files.count()).toBe(0)
    expect(vault.store.files.list()).toEqual([])
  })

  it('delete removes the file', async () => {
    const record = await vault.store.files.add({ name: 'a.txt', mime: 'text/plain' }, pieces(Buffer.from('hello')))
    vault.store.files.delete(record.id)
    expect(() => vault.store.files.get(record.id)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})
