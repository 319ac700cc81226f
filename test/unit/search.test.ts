import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVault, unlockVault } from '../../main/vault/vault'
import { tempDir } from '../support/tempDirs'

describe('full-text search', () => {
  it('ranks a narrow query by relevance and streams a very broad one in recorded order', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, 'search test passphrase', { kdf: 'minimum' })
    const vault = await unlockVault(dir, 'search test passphrase', { kdf: 'minimum' })
    try {
      const { store } = vault
      store.transaction(() => {
        for (let i = 0; i < 1100; i++) store.contacts.create({ name: `Schenk ${i}`, notes: i === 7 ? 'lawyer lawyer lawyer' : '' })
        store.contacts.create({ name: 'Lawyer Example', notes: 'knows a lawyer' })
        // Would rank first by relevance; a broad query must not pay for ranking.
        store.contacts.create({ name: 'Schenk Schenk Schenk', notes: 'Schenk Schenk Schenk' })
      })
      const narrow = store.search.search({ query: 'lawyer', limit: 5 })
      // Relevance, not age: the older record says "lawyer" three times.
      expect(narrow.map((h) => h.title)).toEqual(['Schenk 7', 'Lawyer Example'])
      const broad = store.search.search({ query: 'Sch', limit: 3 })
      expect(broad.map((h) => h.title)).toEqual(['Schenk 0', 'Schenk 1', 'Schenk 2'])
      expect(store.search.search({ query: 'lawyer OR NOT "', limit: 5 })).toEqual([])
    } finally {
      vault.lock()
    }
  })
})
