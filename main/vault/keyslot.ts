import { createCipheriv, createDecipheriv, createHash, createHmac, randomFillSync, timingSafeEqual } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import { deriveKey, isAcceptableKdf, type KdfParams } from './kdf'

/*
 * The key-slot header: the only place the data key exists at rest, wrapped
 * with AES-256-GCM under an Argon2id key. Destroying these 176 bytes
 * destroys the vault.
 *
 *   0  magic "SESTRAKS"        8
 *   8  format version (u16 BE)  2
 *  10  kdf id (1 = Argon2id)    1
 *  11  parallelism              1
 *  12  memory KiB (u32 BE)      4
 *  16  time cost (u32 BE)       4
 *  20  salt                    32
 *  52  nonce                   12
 *  64  wrapped data key        32
 *  96  GCM tag                 16
 * 112  duress verifier         32
 * 144  SHA-256 of bytes 0..143 32
 *
 * Bytes 0..63 are the GCM associated data, so the parameters cannot be
 * swapped. The trailing checksum is not a secret: it only lets us tell a
 * damaged file from a wrong passphrase, which GCM alone cannot.
 *
 * The duress verifier is HMAC-SHA256(Argon2id(duress passphrase, same salt),
 * "sestra duress"), or random bytes when no duress passphrase is set, so the
 * file never tells whether one exists. Checking it costs no second Argon2id
 * run: an unlock attempt takes the same time whichever passphrase is typed.
 */
export const headerMagic = Buffer.from('SESTRAKS', 'ascii')
export const headerVersion = 1
export const headerLength = 176
const kdfArgon2id = 1
const aadLength = 64
const bodyLength = 144
const duressLabel = 'sestra duress'

export interface KeySlot {
  version: number
  kdf: KdfParams
  salt: Buffer
  nonce: Buffer
  wrappedKey: Buffer
  tag: Buffer
  duressVerifier: Buffer
}

export function secretBuffer(length: number): Buffer {
  // Buffer.alloc never hands out a slice of the shared pool, so zeroing it
  // cannot miss a copy and cannot clobber someone else's bytes.
  return randomFillSync(Buffer.alloc(length))
}

function aad(slot: Pick<KeySlot, 'version' | 'kdf' | 'salt' | 'nonce'>): Buffer {
  const b = Buffer.alloc(aadLength)
  headerMagic.copy(b, 0)
  b.writeUInt16BE(slot.version, 8)
  b.writeUInt8(kdfArgon2id, 10)
  b.writeUInt8(slot.kdf.parallelism, 11)
  b.writeUInt32BE(slot.kdf.memoryKiB, 12)
  b.writeUInt32BE(slot.kdf.timeCost, 16)
  slot.salt.copy(b, 20)
  slot.nonce.copy(b, 52)
  return b
}

export function encodeKeySlot(slot: KeySlot): Buffer {
  const body = Buffer.concat([aad(slot), slot.wrappedKey, slot.tag, slot.duressVerifier])
  return Buffer.concat([body, createHash('sha256').update(body).digest()])
}

export function decodeKeySlot(bytes: Buffer): KeySlot {
  if (bytes.length < 10 || !bytes.subarray(0, 8).equals(headerMagic)) {
    throw new SestraError('NOT_A_VAULT', 'bad magic')
  }
  const version = bytes.readUInt16BE(8)
  if (version > headerVersion) throw new SestraError('NEWER_VERSION', `header version ${version}`)
  if (version < 1 || bytes.length !== headerLength) {
    throw new SestraError('CORRUPT_HEADER', 'bad length')
  }
  const checksum = createHash('sha256').update(bytes.subarray(0, bodyLength)).digest()
  if (!timingSafeEqual(checksum, bytes.subarray(bodyLength))) {
    throw new SestraError('CORRUPT_HEADER', 'checksum mismatch')
  }
  const kdf: KdfParams = {
    parallelism: bytes.readUInt8(11),
    memoryKiB: bytes.readUInt32BE(12),
    timeCost: bytes.readUInt32BE(16),
  }
  if (bytes.readUInt8(10) !== kdfArgon2id || !isAcceptableKdf(kdf)) {
    throw new SestraError('CORRUPT_HEADER', 'unsupported key derivation')
  }
  const copy = (from: number, to: number) => Buffer.from(bytes.subarray(from, to))
  return {
    version,
    kdf,
    salt: copy(20, 52),
    nonce: copy(52, 64),
    wrappedKey: copy(64, 96),
    tag: copy(96, 112),
    duressVerifier: copy(112, 144),
  }
}

const duressVerifierFrom = (kek: Buffer) => createHmac('sha256', kek).update(duressLabel).digest()

/**
 * Wraps the data key under a fresh nonce. The salt (and with it a duress
 * verifier) is kept across passphrase changes unless a new one is given.
 */
export async function sealKeySlot(
  dataKey: Buffer,
  passphrase: string,
  kdf: KdfParams,
  keep: { salt: Buffer; duressVerifier: Buffer } = { salt: secretBuffer(32), duressVerifier: secretBuffer(32) },
): Promise<KeySlot> {
  const kek = await deriveKey(passphrase, keep.salt, kdf)
  try {
    return wrapDataKey(dataKey, kek, kdf, keep)
  } finally {
    kek.fill(0)
  }
}

/** Wraps the data key under a key-encryption key already derived with `kdf` and `keep.salt`. */
export function wrapDataKey(dataKey: Buffer, kek: Buffer, kdf: KdfParams, keep: { salt: Buffer; duressVerifier: Buffer }): KeySlot {
  const nonce = secretBuffer(12)
  const base = { version: headerVersion, kdf, salt: keep.salt, nonce }
  const cipher = createCipheriv('aes-256-gcm', kek, nonce)
  cipher.setAAD(aad(base))
  const wrappedKey = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return { ...base, wrappedKey, tag: cipher.getAuthTag(), duressVerifier: keep.duressVerifier }
}

/** The verifier that makes `duress` a duress passphrase for this slot. */
export async function duressVerifierFor(slot: KeySlot, duress: string): Promise<Buffer> {
  const kek = await deriveKey(duress, slot.salt, slot.kdf)
  try {
    return duressVerifierFrom(kek)
  } finally {
    kek.fill(0)
  }
}

/** A duress opening hands back its key-encryption key (the caller zeroes it): the fresh vault reuses it. */
export type SlotOpening = { kind: 'key'; dataKey: Buffer } | { kind: 'duress'; kek: Buffer }

/**
 * One Argon2id run, then: the data key (in a buffer the caller must zero),
 * or "this was the duress passphrase", or WRONG_PASSPHRASE.
 * `onKeyMaterial` lets tests watch every key buffer get zeroed.
 */
export async function openKeySlot(
  slot: KeySlot,
  passphrase: string,
  onKeyMaterial?: (b: Buffer) => void,
): Promise<SlotOpening> {
  const kek = await deriveKey(passphrase, slot.salt, slot.kdf)
  onKeyMaterial?.(kek)
  const dataKey = Buffer.alloc(32)
  onKeyMaterial?.(dataKey)
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, slot.nonce)
    decipher.setAAD(aad(slot))
    decipher.setAuthTag(slot.tag)
    const plain = decipher.update(slot.wrappedKey)
    decipher.final()
    plain.copy(dataKey)
    plain.fill(0)
    return { kind: 'key', dataKey }
  } catch {
    dataKey.fill(0)
    if (timingSafeEqual(duressVerifierFrom(kek), slot.duressVerifier)) {
      const kept = Buffer.alloc(kek.length)
      onKeyMaterial?.(kept)
      kek.copy(kept)
      return { kind: 'duress', kek: kept }
    }
    throw new SestraError('WRONG_PASSPHRASE')
  } finally {
    kek.fill(0)
  }
}

/** The data key, refusing the duress passphrase as if it were wrong (for passphrase changes). */
export async function openDataKey(slot: KeySlot, passphrase: string, onKeyMaterial?: (b: Buffer) => void): Promise<Buffer> {
  const opening = await openKeySlot(slot, passphrase, onKeyMaterial)
  if (opening.kind === 'key') return opening.dataKey
  opening.kek.fill(0)
  throw new SestraError('WRONG_PASSPHRASE')
}
