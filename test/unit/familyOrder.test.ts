import { describe, expect, it } from 'vitest'
import type { PersonWithRelations } from '../../shared/recordViews'
import { ipcApp } from '../support/ipcApp'

describe('the family list', () => {
  it('lists "me" first, then the children, then everyone else, each group by name', async () => {
    const app = await ipcApp()
    try {
      await app.call('createVault', { passphrase: 'family order test passphrase' })
      for (const [name, relation] of [
        ['Anna Colleague', 'colleague'],
        ['Zarina Child', 'child'],
        ['Bekzat Other', 'other'],
        ['Madina Me', 'self'],
        ['Aibek Child', 'child'],
        ['Aigerim Family', 'family'],
      ] as const) {
        expect(await app.call('createPerson', { name, relation })).toMatchObject({ ok: true })
      }
      const listed = (await app.call('listPeople', {})) as { ok: true; value: { items: PersonWithRelations[] } }
      expect(listed.value.items.map((p) => p.name)).toEqual(['Madina Me', 'Aibek Child', 'Zarina Child', 'Aigerim Family', 'Anna Colleague', 'Bekzat Other'])
    } finally {
      app.dispose()
    }
  })
})
