import { minimumPassphraseLength } from '../../shared/passphraseStrength'

export type ValidationKey =
  | 'validation.mismatch'
  | 'validation.tooShort'
  | 'validation.nameRequired'
  | 'validation.phoneInvalid'

/** What is wrong with a new passphrase and its repetition, before any Argon2id work starts. */
export function checkNewPassphrase(passphrase: string, repeat: string): ValidationKey | null {
  if ([...passphrase].length < minimumPassphraseLength) return 'validation.tooShort'
  if (passphrase !== repeat) return 'validation.mismatch'
  return null
}
