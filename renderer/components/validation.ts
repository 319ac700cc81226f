import { checkPassphraseFloor, type PassphraseFloorReason } from '../../shared/passphrasePolicy'

export type PassphraseProblem = 'validation.tooShort' | 'validation.tooCommon' | 'validation.tooWeak' | 'validation.mismatch'

export type ValidationKey = PassphraseProblem | 'validation.nameRequired' | 'validation.phoneInvalid'

const floorProblems: Record<PassphraseFloorReason, PassphraseProblem> = {
  too_short: 'validation.tooShort',
  too_common: 'validation.tooCommon',
  too_weak: 'validation.tooWeak',
}

/** What is wrong with a new passphrase and its repetition, before any Argon2id work starts: the same floor main enforces. */
export function checkNewPassphrase(passphrase: string, repeat: string): PassphraseProblem | null {
  const floor = checkPassphraseFloor(passphrase)
  if (!floor.ok) return floorProblems[floor.reason]
  if (passphrase !== repeat) return 'validation.mismatch'
  return null
}
