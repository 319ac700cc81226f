import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkPassphraseFloor } from '../../shared/passphrasePolicy'
import { generatePassphrase, generatedWordCount, wordLists } from '../../renderer/passphrase/generatePassphrase'
import { readRussianDictionary, russianWordsFrom, wordsRuModule } from '../support/russianWordlist'

describe('passphrase generator', () => {
  it('draws six words from each list, and every result clears the floor', () => {
    expect(generatedWordCount).toBeGreaterThanOrEqual(6)
    for (const language of ['en', 'ru'] as const) {
      const list = new Set(wordLists[language])
      for (let i = 0; i < 200; i++) {
        const { text, bits } = generatePassphrase(language)
        const words = text.split(' ')
        expect(words).toHaveLength(generatedWordCount)
        for (const word of words) expect(list.has(word), `${word} is on the ${language} list`).toBe(true)
        expect(checkPassphraseFloor(text)).toEqual({ ok: true })
        expect(bits).toBeGreaterThanOrEqual(70)
      }
    }
  })

  it('uses the whole EFF long list and thousands of distinct Russian words', () => {
    expect(new Set(wordLists.en).size).toBe(7776)
    expect(new Set(wordLists.ru).size).toBe(wordLists.ru.length)
    expect(wordLists.ru.length).toBeGreaterThan(4096)
    for (const word of wordLists.ru) expect(word).toMatch(/^[а-еж-я]{4,6}$/)
  })

  it('redraws values from the biased end of the 32-bit range instead of folding them onto low indexes', () => {
    const size = wordLists.en.length
    const biased = 0xffff_ffff // above the last whole multiple of the list length
    const values = [biased, biased, 5]
    const random = (into: Uint32Array) => {
      into[0] = values.shift() ?? 0
      return into
    }
    expect(generatePassphrase('en', 1, random).text).toBe(wordLists.en[5 % size])
    expect(values).toEqual([])
  })

  it('ships exactly the Russian list its script makes from the dictionary', () => {
    const committed = readFileSync(new URL('../../renderer/passphrase/wordsRu.ts', import.meta.url), 'utf8')
    expect(committed).toBe(wordsRuModule(russianWordsFrom(readRussianDictionary())))
  })
})
