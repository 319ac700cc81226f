import { SestraError, type ErrorCode } from './errors'
import { passphraseStrength, type StrengthScore } from './passphraseStrength'

/*
 * The floor every new vault passphrase must reach (vault creation, passphrase
 * change, duress passphrase, restore into a new vault; app and CLI alike).
 *
 * The rule: at least 8 characters, not one of the passwords anyone tries
 * first, and rated at least "good" by passphraseStrength (score 3, about 60
 * bits by its estimate). A seized disk image faces Argon2id alone, so the
 * passphrase is the whole defence: "qwerty123" is refused, six random words
 * pass easily, and so does any passphrase of four or five uncommon words.
 */
export const passphraseFloorScore: StrengthScore = 3

export type PassphraseFloorReason = 'too_short' | 'too_common' | 'too_weak'

export type PassphraseFloorResult = { ok: true } | { ok: false; reason: PassphraseFloorReason }

export function checkPassphraseFloor(passphrase: string): PassphraseFloorResult {
  const { score, hint } = passphraseStrength(passphrase)
  if (hint === 'strength.tooShort') return { ok: false, reason: 'too_short' }
  if (hint === 'strength.common') return { ok: false, reason: 'too_common' }
  if (score < passphraseFloorScore) return { ok: false, reason: 'too_weak' }
  return { ok: true }
}

/** The error (with its English and Russian sentence in shared/errors.ts) for each reason. */
export const passphraseFloorErrors: Record<PassphraseFloorReason, ErrorCode> = {
  too_short: 'PASSPHRASE_TOO_SHORT',
  too_common: 'PASSPHRASE_TOO_COMMON',
  too_weak: 'PASSPHRASE_TOO_WEAK',
}

/** Throws the matching SestraError when the passphrase is below the floor. */
export function assertPassphraseFloor(passphrase: string): void {
  const result = checkPassphraseFloor(passphrase)
  if (!result.ok) throw new SestraError(passphraseFloorErrors[result.reason])
}
