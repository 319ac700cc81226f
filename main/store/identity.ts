import { SestraError } from '../../shared/errors'
import { z } from 'zod'
import type { Database } from '../vault/database'
import { optionalRow } from './rows'

const identityRow = z.object({ secret_key: z.string(), public_key: z.string() })

/**
 * The vault's own age X25519 key pair. The secret never leaves the encrypted
 * database except as an argument to age's decrypter; it is not exported in
 * bundles (an ally holding a backup must not be able to read later ones).
 */
export class VaultIdentity {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /** Made with the vault, or at the first unlock of a vault older than exchange. */
  async ensure(now = new Date()): Promise<void> {
    if (this.#row()) return
    // Loaded here, not at start: age-encryption costs a tenth of a second to load, and most commands never need it.
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption')
    const secret = await generateX25519Identity()
    const publicKey = await identityToRecipient(secret)
    this.#db
      .prepare('INSERT OR IGNORE INTO vault_identity (id, secret_key, public_key, created_at) VALUES (1, ?, ?, ?)')
      .run([secret, publicKey, now.toISOString()])
  }

  publicKey(): string {
    return this.#required().public_key
  }

  /** Only for handing to age's Decrypter; V8 cannot wipe the string afterwards. */
  secretKey(): string {
    return this.#required().secret_key
  }

  #row() {
    return optionalRow(identityRow, this.#db.prepare('SELECT secret_key, public_key FROM vault_identity WHERE id = 1').get())
  }

  #required() {
    const row = this.#row()
    if (!row) throw new SestraError('NOT_FOUND', 'vault identity')
    return row
  }
}
