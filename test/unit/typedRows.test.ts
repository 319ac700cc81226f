import Database from '@signalapp/sqlcipher'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BlobFolder } from '../../main/store/blobs/blobFolder'
import { createStore } from '../../main/store/records'
import { runMigrations } from '../../main/vault/migrations'
import { tempDir } from '../support/tempDirs'

async function storeOnFreshSchema() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  runMigrations(db)
  return { db, store: createStore(db, new BlobFolder(join(await tempDir(), 'blobs'))) }
}

describe('rows leave the store parsed by the record schema', () => {
  it('decodes columns into the record types (booleans, arrays)', async () => {
    const { db, store } = await storeOnFreshSchema()
    const made = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'], phones: ['+996 555 000 111'], speedDial: true })
    expect(store.contacts.get(made.id)).toEqual(made)
    expect(store.contacts.get(made.id)).toMatchObject({ speedDial: true, roles: ['lawyer'] })
    db.close()
  })

  it('a row the schema refuses is a damaged database, not a record of the wrong shape', async () => {
    const { db, store } = await storeOnFreshSchema()
    const made = store.contacts.create({ name: 'Legal Aid Test', roles: ['lawyer'] })
    // A role the app never writes, as a row edited outside the app would hold.
    db.prepare(`UPDATE contacts SET roles = '["not-a-role"]' WHERE id = ?`).run([made.id])
    expect(() => store.contacts.get(made.id)).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    expect(() => store.contacts.list()).toThrow(expect.objectContaining({ code: 'CORRUPT_DATABASE' }))
    db.close()
  })
})
