import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto'
import type { Identity, Recipient } from 'age-encryption'
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

/** age's default scrypt work factor, as age-encryption's `setPassphrase` uses it. */
const scryptLogN = 18
/** The highest work factor a bundle may ask for, as age-encryption allows: 2^20 x 1 KiB is 1 GiB of memory. */
const maxScryptLogN = 20
const scryptLabel = Buffer.from('age-encryption.org/v1/scrypt')

/** age's scrypt key for `salt` and work factor 2^logN, on libuv's threads. */
function scryptKey(passphrase: string, salt: Buffer, logN: number): Promise<Buffer> {
  const N = 2 ** logN
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.concat([scryptLabel, salt]), 32, { N, r: 8, p: 1, maxmem: 2 * 128 * 8 * N }, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** Base64 without padding, as age writes it. */
const toUnpaddedBase64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '')

/** Canonical unpadded base64, as age writes it: anything else is a damaged stanza. */
function unpaddedBase64(text: string | undefined): Buffer | null {
  if (text === undefined || !/^[A-Za-z0-9+/]*$/.test(text)) return null
  const bytes = Buffer.from(text, 'base64')
  return toUnpaddedBase64(bytes) === text ? bytes : null
}

/**
 * age's scrypt recipient on node's native scrypt (libuv's threads, several
 * times faster than JavaScript): the stanza age-encryption's `setPassphrase`
 * writes, `-> scrypt <salt> <log2 N>` over the file key sealed with
 * ChaCha20-Poly1305 under scrypt(passphrase, label || salt, N, r = 8, p = 1).
 * Written here so that the witness beside it learns the file key: scrypt
 * runs once per bundle, not a second time to read the key back.
 */
function scryptRecipient(passphrase: string, Stanza: typeof import('age-encryption').Stanza): Recipient {
  return {
    async wrapFileKey(fileKey) {
      const salt = randomBytes(16)
      const key = await scryptKey(passphrase, salt, scryptLogN)
      try {
        const cipher = createCipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 })
        const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()])
        return [new Stanza(['scrypt', toUnpaddedBase64(salt), String(scryptLogN)], body)]
      } finally {
        key.fill(0)
      }
    },
  }
}

/**
 * age's scrypt identity on node's native scrypt, with age-encryption's checks:
 * the scrypt stanza must be the header's only one, its salt 16 bytes, its
 * work factor at most 2^20. A wrong passphrase unwraps nothing (null); a
 * malformed stanza throws, which the caller reports as a damaged header.
 */
function scryptIdentity(passphrase: string): Identity {
  return {
    async unwrapFileKey(stanzas) {
      const stanza = stanzas.find((s) => s.args[0] === 'scrypt')
      if (!stanza) return null
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header')
      const [, saltText, logNText] = stanza.args
      const salt = unpaddedBase64(saltText)
      if (stanza.args.length !== 3 || !salt || salt.length !== 16 || !/^[1-9][0-9]*$/.test(logNText ?? '') || stanza.body.length !== 32) {
        throw new Error('invalid scrypt stanza')
      }
      const logN = Number(logNText)
      if (logN > maxScryptLogN) throw new Error('scrypt work factor is too high')
      const key = await scryptKey(passphrase, salt, logN)
      try {
        const decipher = createDecipheriv('chacha20-poly1305', key, Buffer.alloc(12), { authTagLength: 16 })
        decipher.setAuthTag(stanza.body.subarray(16))
        const fileKey = decipher.update(stanza.body.subarray(0, 16))
        decipher.final()
        return fileKey
      } catch {
        return null
      } finally {
        key.fill(0)
      }
    },
  }
}

/**
 * age-encryption makes the header of an empty file, which is
 * `header || nonce || one empty sealed chunk`; the header is kept, the rest
 * dropped. The file key comes from a witness recipient beside the real ones
 * (a passphrase is one of ours, `scryptRecipient`: age-encryption forbids its
 * own beside any other recipient, and the witness adds no stanza, so the
 * header still has the scrypt stanza alone, as age requires).
 */
export async function sealHeader(to: EncryptTo): Promise<SealedHeader> {
  const { Encrypter, Stanza } = await import('age-encryption')
  const encrypter = new Encrypter()
  const witness = fileKeyWitness()
  if ('passphrase' in to) encrypter.addRecipient(scryptRecipient(to.passphrase, Stanza))
  else {
    if (to.recipients.length === 0) throw new SestraError('INVALID_INPUT', 'no recipients')
    for (const recipient of to.recipients) encrypter.addRecipient(recipient)
  }
  encrypter.addRecipient(witness)
  const empty = await encrypter.encrypt(new Uint8Array(0))
  if (!witness.fileKey) throw new SestraError('INTERNAL', 'age file key')
  return { header: empty.subarray(0, headerLength(empty)), fileKey: witness.fileKey }
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
    if ('passphrase' in key) decrypter.addIdentity(scryptIdentity(key.passphrase))
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
