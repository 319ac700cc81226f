import { describe, expect, it } from 'vitest'
import { decodeFromPage, encodeForPage } from '../standin/electron/wire'

/*
 * The e2e stand-in's IPC wire must give main and the page what Electron's
 * structured clone gives them, or the e2e tests would pass over values that
 * break in the app (a Buffer where a Uint8Array arrives, a Date as a string).
 */
describe('the Electron stand-in IPC wire', () => {
  it('keeps what structured clone keeps', () => {
    const value = {
      when: new Date('2026-11-25T10:00:00Z'),
      bytes: Buffer.from('fictional'),
      missing: undefined,
      numbers: [Number.NaN, -0, Infinity, 2 ** 60],
      big: 10n ** 30n,
      map: new Map([['a', new Set([1, 2])]]),
      pattern: /x+/gi,
      floats: new Float64Array([1.5, -2]),
      nested: { text: 'Айгуль', list: [null, true] },
    }
    const back = decodeFromPage(encodeForPage(value)) as typeof value
    expect(back.when).toEqual(value.when)
    expect(back.bytes).toBeInstanceOf(Uint8Array)
    expect(Buffer.isBuffer(back.bytes)).toBe(false)
    expect(Buffer.from(back.bytes).toString()).toBe('fictional')
    expect('missing' in back && back.missing === undefined).toBe(true)
    expect(Object.is(back.numbers[0], Number.NaN)).toBe(true)
    expect(Object.is(back.numbers[1], -0)).toBe(true)
    expect(back.numbers.slice(2)).toEqual([Infinity, 2 ** 60])
    expect(back.big).toBe(10n ** 30n)
    expect(back.map).toEqual(new Map([['a', new Set([1, 2])]]))
    expect(back.pattern).toEqual(/x+/gi)
    expect(back.floats).toEqual(new Float64Array([1.5, -2]))
    expect(back.nested).toEqual(value.nested)
  })

  it('refuses what structured clone refuses, as Electron does', () => {
    expect(() => encodeForPage({ run: () => 1 })).toThrow(/could not be cloned/)
  })
})
