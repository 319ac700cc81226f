import { createHash } from 'node:crypto'

/**
 * Twenty digits in five groups, from SHA-256 of the public key: digits read
 * aloud the same in Russian, Kyrgyz or English, and over a bad line. Both
 * sides compute it from the key they hold; a match means the key arrived
 * unaltered.
 */
export function keyFingerprint(publicKey: string): string {
  const digest = createHash('sha256').update(publicKey, 'utf8').digest()
  const digits = (digest.readBigUInt64BE(0) * 2n ** 16n + BigInt(digest.readUInt16BE(8))) % 10n ** 20n
  return digits.toString().padStart(20, '0').replace(/(\d{4})(?=\d)/g, '$1 ')
}
