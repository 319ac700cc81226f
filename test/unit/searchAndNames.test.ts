import { describe, expect, it } from 'vitest'
import { ftsQuery } from '../../main/store/search'
import { contactInput } from '../../shared/domain/contact'
import { incidentInput } from '../../shared/domain/incident'
import { personInput } from '../../shared/domain/person'
import { ipcApp } from '../support/ipcApp'

const pass = 'search names test passphrase'

/** Every C0 and C1 control character, lone surrogates, and a mix with real words and FTS syntax. */
const hostileQueries = [
  ...Array.from({ length: 32 }, (_, c) => `law${String.fromCharCode(c)}yer`),
  ...Array.from({ length: 33 }, (_, c) => String.fromCharCode(0x7f + c)),
  '\0',
  '\0\0\0',
  'lawyer\0',
  '"\0"',
  '\0*',
  '\uD800',
  'law\uDC00yer',
  '\u202Elawyer',
  'NEAR(\0 lawyer)',
  'lawyer OR \0 NOT "',
]

describe('search never fails on what is typed', () => {
  it('control characters and lone surrogates never reach FTS: no INTERNAL, the words still match', async () => {
    const app = await ipcApp()
    await app.call('createVault', { passphrase: pass })
    app.service.store.contacts.create({ name: 'Lawyer Example' })
    for (const query of hostileQueries) {
      const reply = await app.call('search', { query, limit: 5 })
      expect(reply, JSON.stringify(query)).toMatchObject({ ok: true })
    }
    expect(await app.call('search', { query: 'law\0yer', limit: 5 })).toMatchObject({ ok: true, value: [] })
    expect(await app.call('search', { query: 'lawyer\0', limit: 5 })).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ title: 'Lawyer Example' })],
    })
  })

  it('a query of nothing but control characters is no query', () => {
    expect(ftsQuery('\0\u0001\u007f\u009f')).toBeNull()
    expect(ftsQuery('a\0b')).toBe('"a"* "b"*')
  })
})

const invisible = ['\u200B', '\u200B\u200C\u200D', '\uFEFF', '\u2060', '\u00AD', '\u200E\u200F', '\u180E', ' \u200B \u3000 ', '\u2800']

describe('names and titles need visible text', () => {
  it.each(invisible.map((text) => [JSON.stringify(text), text]))('refuses %s as a name or a title', (_label, text) => {
    expect(contactInput.safeParse({ name: text }).success).toBe(false)
    expect(personInput.safeParse({ name: text, relation: 'self' }).success).toBe(false)
    expect(incidentInput.safeParse({ title: text, kind: 'threat', occurredOn: '2026-11-26' }).success).toBe(false)
  })

  it('keeps invisible joiners inside real text (Persian ZWNJ, emoji sequences) and trims them at the edges', () => {
    expect(contactInput.parse({ name: 'می\u200Cخواهم' }).name).toBe('می\u200Cخواهم')
    expect(contactInput.parse({ name: '\u200BAigul Example\u200B' }).name).toBe('Aigul Example')
    expect(contactInput.parse({ name: 'Team 👩\u200D👩\u200D👧' }).name).toBe('Team 👩\u200D👩\u200D👧')
  })

  it('over IPC: a zero-width name is INVALID_INPUT and stores nothing', async () => {
    const app = await ipcApp()
    await app.call('createVault', { passphrase: pass })
    expect(await app.call('createContact', { name: '\u200B\u200B' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(app.service.store.contacts.count()).toBe(0)
  })
})
