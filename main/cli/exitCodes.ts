import type { ErrorCode } from '../../shared/errors'

export const exitCodes = { ok: 0, failure: 1, usage: 2, wrongPassphrase: 3, badVault: 4, problems: 5 } as const

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
      return exitCodes.usage
    default:
      return exitCodes.failure
  }
}
