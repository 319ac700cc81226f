import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVault, unlockVault } from '../../main/vault/vault'
import { filesContaining } from '../support/scanForCanary'
import { tempDir } from '../support/tempDirs'

describe('no plaintext leaves the vault', () => {
  it('records and files holding a canary leave no trace on disk after lock', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, 'leakage test passphrase', { kdf: 'minimum' })
    const vault = await unlockVault(dir, 'leakage test passphrase', { kdf: 'minimum' })
    const { store } = vault
    const contact = store.contacts.create({ name: `Lawyer ${canary}`, notes: `notes ${canary}`.repeat(50) })
    store.contacts.update(contact.id, { notes: `edited ${canary}` })
    store.people.create({ name: `Person ${canary}` })
    store.incidents.create({ title: `Threat ${canary}`, kind: 'threat', occurredOn: '2026-11-26' })
    async function* content() {
      yield Buffer.from(`${canary}\n`.repeat(100_000))
    }
    await store.files.add({ name: `evidence-${canary}.txt` }, content())
    // Sorting and a big delete push SQLite through temp storage and free pages.
    store.contacts.list({ where: 'notes LIKE ?', params: [`%${canary}%`] })
    store.contacts.delete(contact.id)
    vault.lock()

    expect(await filesContaining(dir, canary)).toEqual([])
    expect(await filesContaining(tmpdir(), canary)).toEqual([])
  })

  it('the scanner itself finds a planted canary (so the test above can fail)', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const dir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(dir, 'plain.txt'), Buffer.from(`x ${canary} y`, 'utf16le'))
    expect(await filesContaining(dir, canary)).toEqual([join(dir, 'plain.txt')])
  })
})
