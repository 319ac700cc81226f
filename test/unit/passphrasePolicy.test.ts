import { randomInt } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { errorMessage } from '../../shared/errors'
import { assertPassphraseFloor, checkPassphraseFloor, passphraseFloorErrors } from '../../shared/passphrasePolicy'

// A small fictional word list: enough to draw passphrases the way a generator would.
const words = ['lantern', 'river', 'tulip', 'copper', 'meadow', 'violet', 'harbor', 'pepper', 'saddle', 'window', 'orbit', 'maple']
const cyrillic = ['фонарь', 'река', 'тюльпан', 'медь', 'луг', 'фиалка', 'гавань', 'перец', 'седло', 'окно', 'орбита', 'клён']
const draw = (list: string[], n: number) => Array.from({ length: n }, () => list[randomInt(list.length)]).join(' ')

describe('checkPassphraseFloor', () => {
  it('refuses short, well-known and weak passphrases, each with its reason', () => {
    expect(checkPassphraseFloor('')).toEqual({ ok: false, reason: 'too_short' })
    expect(checkPassphraseFloor('Xk#9!q2')).toEqual({ ok: false, reason: 'too_short' })
    for (const p of ['qwerty123', 'Password123!', 'пароль2024', 'йцукен!!!']) {
      expect(checkPassphraseFloor(p), p).toEqual({ ok: false, reason: 'too_common' })
    }
    for (const p of ['hunter22', 'sestra2024x', 'aaaaaaaaaaaaaaaa', '1234567890', 'abcdefghijkl']) {
      expect(checkPassphraseFloor(p), p).toEqual({ ok: false, reason: 'too_weak' })
    }
  })

  it('accepts six random words, in English and in Russian, every time', () => {
    for (let i = 0; i < 200; i++) {
      expect(checkPassphraseFloor(draw(words, 6))).toEqual({ ok: true })
      expect(checkPassphraseFloor(draw(cyrillic, 6))).toEqual({ ok: true })
    }
    expect(checkPassphraseFloor('correct horse battery staple')).toEqual({ ok: true })
  })

  it('throws an error that says why, in English and Russian, naming no passphrase', () => {
    for (const [passphrase, code] of [
      ['kv#9q', passphraseFloorErrors.too_short],
      ['qwerty123', passphraseFloorErrors.too_common],
      ['hunter22', passphraseFloorErrors.too_weak],
    ] as const) {
      expect(() => assertPassphraseFloor(passphrase)).toThrow(expect.objectContaining({ code }))
      expect(errorMessage(code, 'en')).toMatch(/passphrase/i)
      expect(errorMessage(code, 'ru')).toMatch(/парольн/i)
      expect(errorMessage(code, 'en')).not.toContain(passphrase)
    }
    expect(() => assertPassphraseFloor('lantern river tulip copper meadow violet')).not.toThrow()
  })
})
