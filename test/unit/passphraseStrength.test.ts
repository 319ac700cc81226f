import { describe, expect, it } from 'vitest'
import { passphraseStrength } from '../../shared/passphraseStrength'

describe('passphraseStrength', () => {
  it('scores anything under eight characters zero, asking for more', () => {
    expect(passphraseStrength('')).toEqual({ score: 0, hint: 'strength.tooShort' })
    expect(passphraseStrength('Xk#9!q2')).toEqual({ score: 0, hint: 'strength.tooShort' })
  })

  it('counts characters, not UTF-16 units', () => {
    expect(passphraseStrength('🙂🙂🙂🙂').hint).toBe('strength.tooShort')
  })

  it('scores well-known passwords zero, in Latin and Cyrillic, with digits appended', () => {
    for (const p of ['password', 'Password123!', 'qwertyuiop', 'пароль2024', 'ЙЦУКЕНгшщзхъ']) {
      expect(passphraseStrength(p), p).toEqual({ score: 0, hint: 'strength.common' })
    }
  })

  it('sees through repeats and runs', () => {
    expect(passphraseStrength('aaaaaaaaaaaa')).toEqual({ score: 1, hint: 'strength.repetitive' })
    expect(passphraseStrength('1234567890')).toEqual({ score: 1, hint: 'strength.repetitive' })
    expect(passphraseStrength('zyxwvutsrq').hint).toBe('strength.repetitive')
  })

  it('asks for more words when a passphrase is short but varied', () => {
    expect(passphraseStrength('hunter22')).toEqual({ score: 1, hint: 'strength.addWords' })
    expect(passphraseStrength('sestra2024x').score).toBe(2)
  })

  it('rates several words strong, in either alphabet', () => {
    expect(passphraseStrength('correct horse battery staple')).toEqual({ score: 4, hint: 'strength.strong' })
    expect(passphraseStrength('зелёный чайник поёт утром')).toEqual({ score: 4, hint: 'strength.strong' })
  })

  it('never decreases as random characters are added', () => {
    const base = 'k7#Qm'
    let last = 0
    for (const extra of ['', 'p', 'pZ', 'pZ2', 'pZ2@w', 'pZ2@wL9', 'pZ2@wL9$eT', 'pZ2@wL9$eTb3']) {
      const { score } = passphraseStrength(base + extra)
      expect(score).toBeGreaterThanOrEqual(last)
      last = score
    }
    expect(last).toBe(4)
  })
})
