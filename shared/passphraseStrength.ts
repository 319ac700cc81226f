/*
 * A rough, dependency-free estimate of how hard a passphrase is to guess, to
 * nudge people towards several words rather than a short clever password.
 * It is advice only: the contract enforces nothing but the minimum length.
 */

export const minimumPassphraseLength = 8

export type StrengthScore = 0 | 1 | 2 | 3 | 4

/** i18n keys of the advice shown under the meter. */
export type StrengthHint =
  | 'strength.tooShort'
  | 'strength.common'
  | 'strength.repetitive'
  | 'strength.addWords'
  | 'strength.strong'

export interface Strength {
  score: StrengthScore
  hint: StrengthHint
}

// The passwords people reach for first, Latin and Cyrillic (including the
// Russian keyboard walk "йцукен"). A match, ignoring case and trailing
// digits or symbols, scores zero whatever its length.
const common = new Set([
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'letmein',
  'iloveyou',
  'admin',
  'welcome',
  'sestra',
  'пароль',
  'йцукен',
  'йцукенгшщзхъ',
  'привет',
  'любовь',
  'сестра',
])

// Guessing cost per character depends on which alphabets an attacker has to try.
const alphabets: ReadonlyArray<[RegExp, number]> = [
  [/[a-z]/, 26],
  [/[A-Z]/, 26],
  [/[0-9]/, 10],
  [/ /, 1],
  [/[!-/:-@[-`{-~]/, 33],
  [/[а-яё]/, 33],
  [/[А-ЯЁ]/, 33],
  [/[^\x20-\x7eа-яёА-ЯЁ]/, 100],
]

// Bits of estimated entropy at which each score starts.
const thresholds: ReadonlyArray<[number, StrengthScore]> = [
  [80, 4],
  [60, 3],
  [40, 2],
  [0, 1],
]

export function passphraseStrength(passphrase: string): Strength {
  const chars = [...passphrase]
  if (chars.length < minimumPassphraseLength) return { score: 0, hint: 'strength.tooShort' }
  if (isCommon(passphrase)) return { score: 0, hint: 'strength.common' }

  const effective = effectiveLength(chars)
  const pool = alphabets.reduce((sum, [pattern, size]) => (pattern.test(passphrase) ? sum + size : sum), 0)
  const bits = effective * Math.log2(Math.max(pool, 2))
  const score = thresholds.find(([from]) => bits >= from)?.[1] ?? 1

  if (score === 4) return { score, hint: 'strength.strong' }
  if (effective < chars.length * 0.6) return { score, hint: 'strength.repetitive' }
  return { score, hint: 'strength.addWords' }
}

function isCommon(passphrase: string): boolean {
  const core = passphrase.toLowerCase().replace(/[\d\p{P}\p{S}\s]+$/u, '')
  return common.has(core)
}

/** Characters that repeat the previous one or continue a run (abc, 321) add almost nothing. */
function effectiveLength(chars: string[]): number {
  let count = 0
  let previous = -1
  let step = 0
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0
    const delta = code - previous
    const predictable = previous >= 0 && (delta === 0 || (Math.abs(delta) === 1 && (step === 0 || delta === step)))
    if (!predictable) count++
    step = predictable ? delta : 0
    previous = code
  }
  return count
}
