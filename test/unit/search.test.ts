import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createVault, unlockVault } from '../../main/vault/vault'
import { tempDir } from '../support/tempDirs'

describe('full-text search', () => {
  it('ranks by relevance, and typed operators are only text', async () => {
    const dir = join(await tempDir(), 'vault')
    await createVault(dir, 'search test passphrase', { kdf: 'minimum' })
    const vault = await unlockVault(dir, 'search test passphrase', { kdf: 'minimum' })
    try {
      const { store } = vault
      store.transaction(() => {
        for (let i = 0; i < 20; i++) store.contacts.create({ name: `Schenk ${i}`, notes: i === 7 ? 'lawyer lawyer lawyer' : '' })
        store.contacts.create({ name: 'Lawyer Example', notes: 'knows a lawyer' })
      })
      const narrow = store.search.search({ query: 'lawyer', limit: 5 })
      // Relevance, not age: the older record says "lawyer" three times.
      expect(narrow.map((h) => h.title)).toEqual(['Schenk 7', 'Lawyer Example'])
      expect(store.search.search({ query: 'Sch', limit: 3 })).toHaveLength(3)
      expect(store.search.search({ query: 'lawyer OR NOT "', limit: 5 })).toEqual([])
    } finally {
      vault.lock()
    }
  })
})
