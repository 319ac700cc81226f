import { z } from 'zod'
import { calendarDate, longText, shortText } from './common'

export const verificationMethods = ['in_person', 'call', 'not_verified'] as const

const bech32Charset = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'
const bech32Generators = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]

/**
 * Bech32's checksum (BIP 173) catches a mistyped or truncated key before it
 * is trusted; it is an error-detecting code, not cryptography, and shared
 * here so the renderer can say "not a key" while the user types.
 */
export function isAgeX25519Recipient(value: string): boolean {
  if (!/^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/.test(value)) return false
  const data = [...value.slice(4)].map((c) => bech32Charset.indexOf(c))
  // 52 five-bit groups carry 32 bytes and 4 padding bits, which must be zero.
  if ((data[51]! & 0b1111) !== 0) return false
  const hrp = [...'age'].map((c) => c.charCodeAt(0))
  let check = 1
  for (const value of [...hrp.map((c) => c >> 5), 0, ...hrp.map((c) => c & 31), ...data]) {
    const top = check >>> 25
    check = ((check & 0x1ffffff) << 5) ^ value
    bech32Generators.forEach((g, i) => {
      if ((top >>> i) & 1) check ^= g
    })
  }
  return check === 1
}

export const agePublicKey = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isAgeX25519Recipient, 'not an age public key (age1..., 62 characters)')

/** The blob of an Ed25519 OpenSSH key is always 51 bytes: its type name, then 32 key bytes. */
export const isSshEd25519PublicKey = (value: string) => /^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/.test(value)

/** An ally's SSH signing key (`ssh-ed25519 AAAA...`, a trailing comment dropped): names bundles the ally signed. */
export const sshSigningKey = z
  .string()
  .trim()
  .transform((value) => value.split(/\s+/).slice(0, 2).join(' '))
  .refine(isSshEd25519PublicKey, 'not an SSH Ed25519 public key (ssh-ed25519 AAAA...)')

export const allyInput = z.object({
  name: shortText.min(1),
  publicKey: agePublicKey,
  signingKey: sshSigningKey.nullable().default(null),
  /** How the fingerprint was compared with the ally's own reading of it. */
  verification: z.enum(verificationMethods).default('not_verified'),
  verifiedOn: calendarDate.nullable().default(null),
  notes: longText.default(''),
})

export type AllyInput = z.input<typeof allyInput>
export type AllyFields = z.output<typeof allyInput>
