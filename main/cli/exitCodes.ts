import type { ErrorCode } from '../../shared/errors'

/** Every exit code the CLI uses; README.md lists them all, and a test keeps the two in step. */
export const exitCodes = {
  ok: 0,
  failure: 1,
  usage: 2,
  wrongPassphrase: 3,
  badVault: 4,
  problems: 5,
  badBundle: 6,
  foreignBundle: 7,
  newerBundle: 8,
  wipeIncomplete: 9,
} as const

/** For `sestra --help`; the README lists the same. */
export const exitCodeMeanings: Record<(typeof exitCodes)[keyof typeof exitCodes], string> = {
  0: 'success',
  1: 'any other failure (a record not found, a vault already in the folder, a full disk, ...)',
  2: 'usage error, invalid input, or a new passphrase below the strength floor',
  3: 'wrong passphrase',
  4: 'not a vault, a damaged vault (also a folder where one of its files should be), or a vault from a newer Sestra',
  5: '`verify` found problems',
  6: 'not a Sestra bundle, or one that is damaged, altered, or contradicts the evidence already in the vault',
  7: 'a bundle for someone else: the key or passphrase given does not open it',
  8: 'a bundle made by a newer Sestra',
  9: 'THE WIPE DID NOT FINISH: part of the vault is still on disk (stderr names what)',
}

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'WRONG_PASSPHRASE':
      return exitCodes.wrongPassphrase
    case 'NOT_A_VAULT':
    case 'CORRUPT_HEADER':
    case 'CORRUPT_DATABASE':
    case 'NEWER_VERSION':
      return exitCodes.badVault
    case 'INVALID_INPUT':
    case 'PASSPHRASE_TOO_SHORT':
    case 'PASSPHRASE_TOO_COMMON':
    case 'PASSPHRASE_TOO_WEAK':
      return exitCodes.usage
    // The key or passphrase given does not open it: the bundle itself may be fine.
    case 'BUNDLE_NOT_FOR_YOU':
    case 'BUNDLE_WRONG_PASSPHRASE':
      return exitCodes.foreignBundle
    case 'BUNDLE_NEWER_VERSION':
      return exitCodes.newerBundle
    case 'WIPE_INCOMPLETE':
      return exitCodes.wipeIncomplete
    default:
      // Not a bundle, cut short, altered, or contents that do not match its list.
      return code.startsWith('BUNDLE_') ? exitCodes.badBundle : exitCodes.failure
  }
}
