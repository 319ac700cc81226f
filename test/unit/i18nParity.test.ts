import { describe, expect, it } from 'vitest'
import { errorCodes, errorMessages } from '../../shared/errors'
import { passphraseStrength } from '../../shared/passphraseStrength'
import { en } from '../../renderer/i18n/en'
import { ru } from '../../renderer/i18n/ru'

/** Every leaf as "a.b.c" -> text. */
function flatten(messages: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix + key
    if (value !== null && typeof value === 'object') {
      for (const entry of flatten(value, `${path}.`)) out.set(...entry)
    } else out.set(path, value)
  }
  return out
}

describe('UI languages', () => {
  const english = flatten(en)
  const russian = flatten(ru)

  it('have the same keys', () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('have no empty text and the same placeholders', () => {
    for (const [key, text] of english) {
      const other = russian.get(key)
      expect(typeof text === 'string' && text.length > 0, key).toBe(true)
      expect(typeof other === 'string' && other.length > 0, key).toBe(true)
      const names = (s: unknown) => String(s).match(/{{\w+}}/g)?.sort() ?? []
      expect(names(other), key).toEqual(names(text))
    }
  })

  it('translate every strength hint', () => {
    for (const p of ['', 'password', 'aaaaaaaaaa', 'hunter22', 'correct horse battery staple']) {
      const { hint } = passphraseStrength(p)
      expect(english.has(hint), hint).toBe(true)
    }
  })

  it('have an error message for every code in both languages', () => {
    for (const code of errorCodes) {
      expect(errorMessages[code].en, code).toBeTruthy()
      expect(errorMessages[code].ru, code).toBeTruthy()
    }
  })
})
