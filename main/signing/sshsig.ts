import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { SestraError } from '../../shared/errors'

/*
 * OpenSSH's detached signature format (PROTOCOL.sshsig in OpenSSH), so that
 * anyone can check a Sestra signature with `ssh-keygen -Y verify` and no
 * Sestra at all. Only Ed25519 keys are made or accepted.
 */

const magic = Buffer.from('SSHSIG')
const sigVersion = 1
const keyType = 'ssh-ed25519'
const armorBegin = '-----BEGIN SSH SIGNATURE-----'
const armorEnd = '-----END SSH SIGNATURE-----'
const hashes = { sha512: 'sha512', sha256: 'sha256' } as const

const uint32 = (n: number) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}
const sshString = (value: Buffer | string) => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value
  return Buffer.concat([uint32(bytes.length), bytes])
}

/** Reads SSH wire strings; any overrun means the input is not a signature. */
class WireReader {
  #offset = 0
  constructor(readonly bytes: Buffer) {}

  take(length: number): Buffer {
    if (this.#offset + length > this.bytes.length) throw new Error('truncated')
    const part = this.bytes.subarray(this.#offset, this.#offset + length)
    this.#offset += length
    return part
  }

  uint32(): number {
    return this.take(4).readUInt32BE()
  }

  string(): Buffer {
    return this.take(this.uint32())
  }

  get done(): boolean {
    return this.#offset === this.bytes.length
  }
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: 'jwk' }).x
  if (key.asymmetricKeyType !== 'ed25519' || typeof x !== 'string') throw new SestraError('INTERNAL', 'not an Ed25519 key')
  return Buffer.from(x, 'base64url')
}

const publicKeyBlob = (raw: Buffer) => Buffer.concat([sshString(keyType), sshString(raw)])

/** `ssh-ed25519 AAAA...`, the line an `allowed_signers` file or `authorized_keys` holds. */
export function formatPublicKey(raw: Buffer): string {
  return `${keyType} ${publicKeyBlob(raw).toString('base64')}`
}

function rawFromBlob(blob: Buffer): Buffer | null {
  try {
    const reader = new WireReader(blob)
    const type = reader.string().toString('utf8')
    const raw = reader.string()
    return type === keyType && raw.length === 32 && reader.done ? raw : null
  } catch {
    return null
  }
}

/** The raw key of an `ssh-ed25519 AAAA... [comment]` line, or null when it is not one. */
export function parsePublicKey(line: string): Buffer | null {
  const [type, base64] = line.trim().split(/\s+/)
  if (type !== keyType || !base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null
  return rawFromBlob(Buffer.from(base64, 'base64'))
}

const keyObjectOf = (raw: Buffer) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' })

/** What the key actually signs: the namespace binds a signature to one use (a bundle cannot pass as a report). */
function signedData(namespace: string, hash: keyof typeof hashes, message: Uint8Array): Buffer {
  const digest = createHash(hashes[hash]).update(message).digest()
  return Buffer.concat([magic, sshString(namespace), sshString(''), sshString(hash), sshString(digest)])
}

function armor(bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,70}/g) ?? []
  return `${armorBegin}\n${lines.join('\n')}\n${armorEnd}\n`
}

/** A detached signature of `message`, armored as `ssh-keygen -Y sign` writes it. */
export function signSsh(privateKey: KeyObject, publicKey: KeyObject, namespace: string, message: Uint8Array): string {
  const signature = sign(null, signedData(namespace, 'sha512', message), privateKey)
  return armor(
    Buffer.concat([
      magic,
      uint32(sigVersion),
      sshString(publicKeyBlob(rawPublicKey(publicKey))),
      sshString(namespace),
      sshString(''),
      sshString('sha512'),
      sshString(Buffer.concat([sshString(keyType), sshString(signature)])),
    ]),
  )
}

/**
 * Checks a signature made for `namespace` over `message`. Returns the
 * signer's key as `ssh-ed25519 AAAA...` when the signature is good, null when
 * it is malformed, made for another namespace or does not match. Who the
 * signer is, is for the caller to judge.
 */
export function verifySsh(armored: string, namespace: string, message: Uint8Array): string | null {
  const text = armored.trim()
  if (!text.startsWith(armorBegin) || !text.endsWith(armorEnd)) return null
  const body = text.slice(armorBegin.length, -armorEnd.length).replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null
  try {
    const reader = new WireReader(Buffer.from(body, 'base64'))
    if (!reader.take(magic.length).equals(magic) || reader.uint32() !== sigVersion) return null
    const raw = rawFromBlob(reader.string())
    const signedNamespace = reader.string().toString('utf8')
    reader.string() // reserved
    const hash = reader.string().toString('utf8')
    const signatureBlob = new WireReader(reader.string())
    if (!reader.done || raw === null || signedNamespace !== namespace || !(hash === 'sha512' || hash === 'sha256')) return null
    if (signatureBlob.string().toString('utf8') !== keyType) return null
    const signature = signatureBlob.string()
    if (signature.length !== 64 || !signatureBlob.done) return null
    return verify(null, signedData(namespace, hash, message), keyObjectOf(raw), signature) ? formatPublicKey(raw) : null
  } catch {
    return null
  }
}
