import { hkdfSync, randomBytes } from 'node:crypto'
import type { Recipient } from 'age-encryption'
import { SestraError } from '../../shared/errors'
import { StreamDecryptor, StreamEncryptor } from '../crypto/stream'

/*
 * The age v1 file format split in two. The header (recipients, scrypt, the
 * header MAC) is made and opened by `age-encryption`; the payload, where all
 * the bytes are, is age's STREAM on node's native ChaCha20-Poly1305
 * (`main/crypto/stream.ts`), about 15x faster than age-encryption's
 * JavaScript cipher. A file is `header || 16-byte nonce || STREAM`, the
 * STREAM key being HKDF-SHA256(file key, salt = nonce, info = "payload").
 * age-encryption is loaded on first use: commands that never touch a bundle
 * do not pay for loading it.
 */

/** An age (v1, binary) file starts with this line. */
export const ageMagic = 'age-encryption.org/v1\n'
export const payloadNonceSize = 16
const fileKeySize = 16
/** Where the header must end; age headers of a few recipients are a few hundred bytes. */
export const maxHeaderSize = 64 * 1024

/** age cannot mix a passphrase with public-key recipients in one file. */
export type EncryptTo = { recipients: string[] } | { passphrase: string }
export type DecryptWith = { identity: string } | { passphrase: string }
/** A new file's header, and the file key its payload is encrypted under. */
export interface SealedHeader {
  header: Uint8Array
  fileKey: Uint8Array
}

/** Runs `make` with the STREAM key HKDF-SHA256(file key, salt = nonce, info = "payload"), zeroed after. */
function withPayloadKey<T>(fileKey: Uint8Array, nonce: Uint8Array, make: (key: Buffer) => T): T {
  if (fileKey.length !== fileKeySize || nonce.length !== payloadNonceSize) throw new SestraError('INTERNAL', 'age payload key')
  const key = Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32))
  try {
    return make(key)
  } finally {
    key.fill(0)
  }
}

/** The payload's STREAM for the file whose key and nonce these are (each keeps its own copy of the key). */
export const payloadEncryptor = (fileKey: Uint8Array, nonce: Uint8Array) => withPayloadKey(fileKey, nonce, (key) => new StreamEncryptor(key))
export const payloadDecryptor = (fileKey: Uint8Array, nonce: Uint8Array) => withPayloadKey(fileKey, nonce, (key) => new StreamDecryptor(key))

/**
 * A recipient that only learns the file key: it adds no stanza, so the
 * header is exactly the one age-encryption writes for the real recipients.
 */
function fileKeyWitness(): Recipient & { fileKey: Uint8Array | null } {
  return {
    fileKey: null,
    wrapFileKey(fileKey) {
      this.fileKey = Uint8Array.from(fileKey)
      return []
    },
  }
}

/**
 * age-encryption makes the header of an empty file, which is
 * `header || nonce || one empty sealed chunk`; the header is kept, the rest
 * dropped. The file key comes from a witness recipient beside the real ones.
 * A passphrase cannot sit beside any other recipient (age forbids it), so
 * there the file key is read back from the header with the same passphrase:
 * scrypt runs twice, which costs a second or two once per bundle, in the
 * caller's thread (the app's age worker).
 */
export async function sealHeader(to: EncryptTo): Promise<SealedHeader> {
  const { Encrypter, Decrypter } = await import('age-encryption')
  const encrypter = new Encrypter()
  const witness = fileKeyWitness()
  if ('passphrase' in to) encrypter.setPassphrase(to.passphrase)
  else {
    if (to.recipients.length === 0) throw new SestraError('INVALID_INPUT', 'no recipients')
    for (const recipient of to.recipients) encrypter.addRecipient(recipient)
    encrypter.addRecipient(witness)
  }
  const empty = await encrypter.encrypt(new Uint8Array(0))
  const header = empty.subarray(0, headerLength(empty))
  if ('passphrase' in to) {
    const decrypter = new Decrypter()
    decrypter.addPassphrase(to.passphrase)
    return { header, fileKey: await decrypter.decryptHeader(header) }
  }
  if (!witness.fileKey) throw new SestraError('INTERNAL', 'age file key')
  return { header, fileKey: witness.fileKey }
}

/**
 * Length of the header at the start of `head`: up to and including the MAC
 * line (`--- ` and 43 base64 characters). Throws BUNDLE_DAMAGED if there is
 * none within `head`. Whether it is intact is age-encryption's check (the MAC).
 */
export function headerLength(head: Uint8Array): number {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  const mac = bytes.indexOf('\n--- ')
  const end = mac === -1 ? -1 : bytes.indexOf('\n', mac + 1)
  if (end === -1 || end - mac !== 48) throw new SestraError('BUNDLE_DAMAGED', 'header')
  return end + 1
}

const usesPassphrase = (header: Uint8Array) => Buffer.from(header).includes('\n-> scrypt ')

/**
 * The file key from `header` (exactly the header's bytes), telling apart a
 * damaged header, a bundle not made for this key and a wrong passphrase.
 */
export async function openHeader(header: Uint8Array, key: DecryptWith): Promise<Uint8Array> {
  const { Decrypter } = await import('age-encryption')
  const decrypter = new Decrypter()
  try {
    if ('passphrase' in key) decrypter.addPassphrase(key.passphrase)
    else decrypter.addIdentity(key.identity)
  } catch {
    throw new SestraError('INVALID_INPUT', 'age identity')
  }
  try {
    return await decrypter.decryptHeader(header)
  } catch (error) {
    if (!/no identity matched/.test((error as Error).message)) throw new SestraError('BUNDLE_DAMAGED', 'header')
    if ('passphrase' in key && usesPassphrase(header)) throw new SestraError('BUNDLE_WRONG_PASSPHRASE')
    throw new SestraError('BUNDLE_NOT_FOR_YOU', usesPassphrase(header) ? 'the bundle needs its passphrase' : undefined)
  }
}

export const newPayloadNonce = () => randomBytes(payloadNonceSize)
