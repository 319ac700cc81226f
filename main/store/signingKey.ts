import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import { formatPublicKey, parsePublicKey, rawPublicKey, signSsh, verifySsh } from '../signing/sshsig'

/** One namespace per use, so a signature made for one can never pass for another. */
export const signatureNamespaces = {
  bundle: 'sestra-bundle',
  report: 'sestra-report',
  custodyHead: 'sestra-custody-head',
} as const
export type SignatureNamespace = (typeof signatureNamespaces)[keyof typeof signatureNamespaces]

/**
 * The vault's Ed25519 signing key. The secret lives only inside the encrypted
 * database (PKCS#8, beside the age identity); while the vault is unlocked it
 * is held as a key object, as the data key is, and dropped with the store at
 * lock. Anyone holding the vault's passphrase holds this key too: a signature
 * shows that a vault with this key made the data, not that nobody with access
 * changed it since (docs/SECURITY.md).
 */
export class VaultSigningKey {
  readonly #db: Database
  /** Loaded at the first signature of an unlock: decoding the PKCS#8 bytes costs more than signing (3.5 ms against 0.5 ms measured). */
  #loaded: { privateKey: KeyObject; publicKey: KeyObject } | null = null

  constructor(db: Database) {
    this.#db = db
  }

  /**
   * Made at a vault's first signature (or by migration 007 for an older vault
   * with chains to sign); synchronous, so a migration can call it. Never at
   * schema creation: new vaults are copies of one schema template.
   */
  ensure(now = new Date()): void {
    if (this.#db.prepare('SELECT 1 FROM signing_key WHERE id = 1', { pluck: true }).get() !== undefined) return
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    this.#loaded = null
    const secret = privateKey.export({ format: 'der', type: 'pkcs8' })
    try {
      this.#db
        .prepare('INSERT INTO signing_key (id, secret_key, public_key, created_at) VALUES (1, ?, ?, ?)')
        .run([secret, formatPublicKey(rawPublicKey(publicKey)), now.toISOString()])
    } finally {
      secret.fill(0)
    }
  }

  /** `ssh-ed25519 AAAA...`: what an ally or a lawyer puts in `allowed_signers`. */
  publicKey(): string {
    this.ensure()
    const key = this.#publicKeyIfAny()
    if (key === null) throw new SestraError('NOT_FOUND', 'signing key')
    return key
  }

  #publicKeyIfAny(): string | null {
    const key = this.#db.prepare('SELECT public_key FROM signing_key WHERE id = 1', { pluck: true }).get()
    return typeof key === 'string' ? key : null
  }

  /** An armored SSH signature (`-----BEGIN SSH SIGNATURE-----`). */
  sign(namespace: SignatureNamespace, message: Uint8Array | string): string {
    const { privateKey, publicKey } = this.#load()
    return signSsh(privateKey, publicKey, namespace, bytesOf(message))
  }

  #load(): { privateKey: KeyObject; publicKey: KeyObject } {
    this.ensure()
    if (this.#loaded) return this.#loaded
    const secret = this.#db.prepare('SELECT secret_key FROM signing_key WHERE id = 1', { pluck: true }).get()
    if (!(secret instanceof Uint8Array)) throw new SestraError('NOT_FOUND', 'signing key')
    const der = Buffer.from(secret)
    try {
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      this.#loaded = { privateKey, publicKey: createPublicKey(privateKey) }
      return this.#loaded
    } finally {
      der.fill(0)
      secret.fill(0)
    }
  }

  /** Whether `signature` is this vault's own over `message`; never, when the key was removed from the vault. */
  signedByThisVault(namespace: SignatureNamespace, message: Uint8Array | string, signature: string): boolean {
    const own = this.#publicKeyIfAny()
    const signer = verifySsh(signature, namespace, bytesOf(message))
    return own !== null && signer !== null && samePublicKey(signer, own)
  }
}

const bytesOf = (message: Uint8Array | string) => (typeof message === 'string' ? Buffer.from(message, 'utf8') : message)

/** Compares the keys, not the lines: comments and spacing do not matter. */
export function samePublicKey(a: string, b: string): boolean {
  const left = parsePublicKey(a)
  const right = parsePublicKey(b)
  return left !== null && right !== null && left.equals(right)
}
