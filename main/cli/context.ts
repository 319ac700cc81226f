import { errorMessage, SestraError, type Language } from '../../shared/errors'
import { assertPassphraseFloor } from '../../shared/passphrasePolicy'
import { unlockVault, type OpenVault, type VaultOptions } from '../vault/vault'
import type { PassphraseSource } from './passphraseInput'

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export interface CliContext {
  options: Record<string, string | boolean | (string | boolean)[] | undefined>
  positionals: string[]
  passphrases: PassphraseSource
  stdout: (text: string) => void
  language: Language
  vaultOptions: VaultOptions
}

export function requireString(ctx: CliContext, name: string): string {
  const value = ctx.options[name]
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`)
  return value
}

export async function requirePassphrase(ctx: CliContext, prompt: string): Promise<string> {
  const value = await ctx.passphrases.next(prompt)
  if (value === null) throw new UsageError('a passphrase is expected on standard input')
  return value
}

/**
 * A passphrase being set: typed twice at a terminal, read once from a pipe.
 * It must reach the floor of shared/passphrasePolicy.ts unless --allow-weak.
 */
export async function requireNewPassphrase(ctx: CliContext, prompt: string): Promise<string> {
  const passphrase = await requirePassphrase(ctx, prompt)
  if (!ctx.options['allow-weak']) assertPassphraseFloor(passphrase)
  if (process.stdin.isTTY && (await requirePassphrase(ctx, 'Repeat it: ')) !== passphrase) {
    throw new UsageError('the two passphrases differ')
  }
  return passphrase
}

/** Unlocks, runs `fn`, and always locks again so the key is zeroed before exit. */
export async function withVault<T>(
  ctx: CliContext,
  fn: (vault: OpenVault) => Promise<T> | T,
  knownPassphrase?: string,
): Promise<T> {
  const dir = requireString(ctx, 'vault')
  const passphrase = knownPassphrase ?? (await requirePassphrase(ctx, 'Vault passphrase: '))
  const vault = await unlockVault(dir, passphrase, ctx.vaultOptions)
  try {
    return await fn(vault)
  } finally {
    vault.lock()
  }
}

export function describeError(error: SestraError, language: Language): string {
  const message = errorMessage(error.code, language)
  // For bad input, name the field (e.g. "phones.0") so a script can be fixed;
  // for a bad bundle, the entry that failed (ids and record types only, never file names);
  // for a failed wipe, which of the vault's own files are still there.
  const named = error.code === 'INVALID_INPUT' || error.code.startsWith('BUNDLE_') || error.code === 'WIPE_INCOMPLETE'
  return named && error.detail ? `${message} (${error.detail})` : message
}
