import { createHash } from 'node:crypto'
import type { CustodyAction, CustodyEntry, CustodySubject, VerifyProblem } from '../../shared/domain/custody'
import { CustodyRows } from '../store/custodyRows'
import { signatureNamespaces, VaultSigningKey } from '../store/signingKey'
import type { Database } from '../vault/database'
import { canonicalJson } from './canonicalJson'

type Unhashed = Omit<CustodyEntry, 'hash'>

/** Bump only with a new way of hashing; old entries keep theirs. */
const hashVersion = 1

/** SHA-256 over the canonical JSON of everything in the entry except its own hash. */
export function custodyHash(entry: Unhashed): string {
  const { subjectType, subjectId, position, at, action, detail, prevHash } = entry
  const body = canonicalJson({ v: hashVersion, subjectType, subjectId, position, at, action, detail, prevHash })
  return createHash('sha256').update(body, 'utf8').digest('hex')
}

/** What a chain's head signature covers: its subject, its length and its last hash. */
/** An incoming chain with the signature of the head this vault gives it. */
export interface Adoption {
  entries: CustodyEntry[]
  signature: string
}

export const headMessage = (subjectType: CustodySubject, subjectId: string, count: number, lastHash: string) =>
  `sestra-custody-head v1\n${subjectType}\n${subjectId}\n${count}\n${lastHash}`

export interface ChainCheck {
  entries: CustodyEntry[]
  problems: VerifyProblem[]
}

/**
 * The chain of custody: per incident and per file, numbered entries each
 * carrying the hash of the one before, so an edit, a removal or a reordering
 * of history shows up in `check`. The schema refuses UPDATE and refuses
 * DELETE while the subject exists; a chain goes only with its record. Each
 * chain also has a head (its length and last hash, signed with the vault's
 * key), written with every entry, so a removed tail shows as well.
 */
export class CustodyLog {
  readonly #db: Database
  readonly #rows: CustodyRows
  readonly #key: VaultSigningKey

  constructor(db: Database, key = new VaultSigningKey(db)) {
    this.#db = db
    this.#rows = new CustodyRows(db)
    this.#key = key
  }

  append(
    subjectType: CustodySubject,
    subjectId: string,
    action: CustodyAction,
    detail: Record<string, unknown>,
    now = new Date(),
  ): CustodyEntry {
    const last = this.#rows.last(subjectType, subjectId)
    const unhashed: Unhashed = {
      subjectType,
      subjectId,
      position: last ? last.position + 1 : 0,
      at: now.toISOString(),
      action,
      detail,
      prevHash: last?.hash ?? null,
    }
    const entry = { ...unhashed, hash: custodyHash(unhashed) }
    this.#db.transaction(() => {
      this.#rows.insert([entry])
      this.#writeHead(subjectType, subjectId, entry.position + 1, entry.hash)
    })()
    return entry
  }

  /**
   * Writes a chain that arrived in a bundle, already found intact
   * (`isIntactChain`), for a record this vault did not have, and signs its
   * head as this vault: it attests what was received, not who wrote it.
   */
  adopt(adoption: Adoption): void {
    const { entries, signature } = adoption
    const last = entries.at(-1)
    if (!last) return
    this.#db.transaction(() => {
      this.#rows.insert(entries)
      this.#rows.writeHead(last.subjectType, last.subjectId, { count: entries.length, lastHash: last.hash, signature })
    })()
  }

  /**
   * Signs the head an incoming chain will get, ahead of `adopt`: an import
   * signs every new chain before its one transaction, so the transaction
   * (which holds the event loop) only writes.
   */
  toAdopt(entries: CustodyEntry[]): Adoption {
    const last = entries.at(-1)
    return { entries, signature: last ? this.#sign(last.subjectType, last.subjectId, entries.length, last.hash) : '' }
  }

  #sign(subjectType: CustodySubject, subjectId: string, count: number, lastHash: string): string {
    return this.#key.sign(signatureNamespaces.custodyHead, headMessage(subjectType, subjectId, count, lastHash))
  }

  #writeHead(subjectType: CustodySubject, subjectId: string, count: number, lastHash: string): void {
    this.#rows.writeHead(subjectType, subjectId, { count, lastHash, signature: this.#sign(subjectType, subjectId, count, lastHash) })
  }

  /** The chain as stored; an entry whose detail is not JSON any more reads as an empty detail (`check` reports it). */
  entries(subjectType: CustodySubject, subjectId: string): CustodyEntry[] {
    return this.#rows.chain(subjectType, subjectId).map(({ entry }) => entry)
  }

  /** Every subject that has a chain or a head. */
  subjects(): { subjectType: CustodySubject; subjectId: string }[] {
    return this.#rows.subjects()
  }

  /** Recomputes every hash and link of one chain, and holds it to its signed head. */
  check(subjectType: CustodySubject, subjectId: string, label: string | null): ChainCheck {
    const problems: VerifyProblem[] = []
    const problem = (kind: VerifyProblem['kind'], position: number | null, expected: string | null, actual: string | null) =>
      problems.push({ kind, recordType: subjectType, recordId: subjectId, label, position, expected, actual })
    const entries: CustodyEntry[] = []
    let previous: string | null = null
    this.#rows.chain(subjectType, subjectId).forEach(({ entry, readable }, index) => {
      entries.push(entry)
      if (!readable) problem('custody_unreadable', entry.position, null, null)
      if (entry.position !== index) problem('custody_order', entry.position, String(index), String(entry.position))
      if (entry.prevHash !== previous) problem('custody_link', entry.position, previous, entry.prevHash)
      const recomputed = readable ? custodyHash(entry) : null
      if (recomputed !== entry.hash) problem('custody_hash', entry.position, recomputed, entry.hash)
      previous = entry.hash
    })
    const first = subjectType === 'incident' ? 'created' : 'intake'
    if (entries[0]?.action !== first) problem('custody_missing', 0, first, entries[0]?.action ?? null)
    const head = this.#rows.head(subjectType, subjectId)
    const last = entries.at(-1)
    const describe = (count: number, hash: string | undefined) => `${count} entries, last ${hash ?? 'none'}`
    if (!head) problem('custody_head_missing', null, null, describe(entries.length, last?.hash))
    else {
      if (head.count !== entries.length || head.lastHash !== last?.hash) {
        problem('custody_head', null, describe(head.count, head.lastHash), describe(entries.length, last?.hash))
      }
      const message = headMessage(subjectType, subjectId, head.count, head.lastHash)
      if (!this.#key.signedByThisVault(signatureNamespaces.custodyHead, message, head.signature)) {
        problem('custody_signature', null, 'a signature by this vault\'s key', null)
      }
    }
    return { entries, problems }
  }
}

/** Whether `entries` (in position order) form one whole chain: numbered from 0, linked, every hash right, begun as a chain must begin. */
export function isIntactChain(entries: CustodyEntry[]): boolean {
  const first = entries[0]
  if (!first || first.action !== (first.subjectType === 'incident' ? 'created' : 'intake')) return false
  return entries.every((e, i) => e.position === i && e.prevHash === (entries[i - 1]?.hash ?? null) && custodyHash(e) === e.hash)
}
