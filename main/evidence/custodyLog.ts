import { createHash } from 'node:crypto'
import type { CustodyAction, CustodyEntry, CustodySubject, VerifyProblem } from '../../shared/domain/custody'
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
export const headMessage = (subjectType: CustodySubject, subjectId: string, count: number, lastHash: string) =>
  `sestra-custody-head v1\n${subjectType}\n${subjectId}\n${count}\n${lastHash}`

interface Head {
  count: number
  lastHash: string
  signature: string
}

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
  readonly #key: VaultSigningKey

  constructor(db: Database, key = new VaultSigningKey(db)) {
    this.#db = db
    this.#key = key
  }

  append(
    subjectType: CustodySubject,
    subjectId: string,
    action: CustodyAction,
    detail: Record<string, unknown>,
    now = new Date(),
  ): CustodyEntry {
    const last = this.#db
      .prepare(
        `SELECT position, hash FROM custody WHERE subject_type = ? AND subject_id = ?
         ORDER BY position DESC LIMIT 1`,
      )
      .get([subjectType, subjectId]) as { position: number; hash: string } | undefined
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
      this.#db
        .prepare(
          `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run([subjectType, subjectId, entry.position, entry.at, action, canonicalJson(detail), entry.prevHash, entry.hash])
      this.#writeHead(subjectType, subjectId, entry.position + 1, entry.hash)
    })()
    return entry
  }

  /**
   * Writes a chain that arrived in a bundle, already found intact
   * (`isIntactChain`), for a record this vault did not have, and signs its
   * head as this vault: it attests what was received, not who wrote it.
   */
  adopt(entries: CustodyEntry[]): void {
    const last = entries.at(-1)
    if (!last) return
    const insert = this.#db.prepare(
      `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.#db.transaction(() => {
      for (const e of entries) insert.run([e.subjectType, e.subjectId, e.position, e.at, e.action, canonicalJson(e.detail), e.prevHash, e.hash])
      this.#writeHead(last.subjectType, last.subjectId, entries.length, last.hash)
    })()
  }

  #writeHead(subjectType: CustodySubject, subjectId: string, count: number, lastHash: string): void {
    const signature = this.#key.sign(signatureNamespaces.custodyHead, headMessage(subjectType, subjectId, count, lastHash))
    this.#db
      .prepare(
        `INSERT INTO custody_heads (subject_type, subject_id, count, last_hash, signature) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (subject_type, subject_id) DO UPDATE SET count = excluded.count, last_hash = excluded.last_hash, signature = excluded.signature`,
      )
      .run([subjectType, subjectId, count, lastHash, signature])
  }

  #head(subjectType: CustodySubject, subjectId: string): Head | undefined {
    return this.#db
      .prepare('SELECT count, last_hash AS lastHash, signature FROM custody_heads WHERE subject_type = ? AND subject_id = ?')
      .get([subjectType, subjectId]) as Head | undefined
  }

  /** The chain as stored; an entry whose detail is not JSON any more reads as an empty detail (`check` reports it). */
  entries(subjectType: CustodySubject, subjectId: string): CustodyEntry[] {
    return this.#rows(subjectType, subjectId).map((row) => toEntry(row).entry)
  }

  /** Every subject that has a chain or a head. */
  subjects(): { subjectType: CustodySubject; subjectId: string }[] {
    return (
      this.#db
        .prepare(
          `SELECT subject_type, subject_id FROM custody UNION SELECT subject_type, subject_id FROM custody_heads
           ORDER BY subject_type, subject_id`,
        )
        .all() as {
        subject_type: CustodySubject
        subject_id: string
      }[]
    ).map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id }))
  }

  /** Recomputes every hash and link of one chain, and holds it to its signed head. */
  check(subjectType: CustodySubject, subjectId: string, label: string | null): ChainCheck {
    const problems: VerifyProblem[] = []
    const problem = (kind: VerifyProblem['kind'], position: number | null, expected: string | null, actual: string | null) =>
      problems.push({ kind, recordType: subjectType, recordId: subjectId, label, position, expected, actual })
    const entries: CustodyEntry[] = []
    let previous: string | null = null
    this.#rows(subjectType, subjectId).forEach((row, index) => {
      const { entry, readable } = toEntry(row)
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
    const head = this.#head(subjectType, subjectId)
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

  #rows(subjectType: CustodySubject, subjectId: string): Record<string, unknown>[] {
    return this.#db
      .prepare('SELECT * FROM custody WHERE subject_type = ? AND subject_id = ? ORDER BY position')
      .all([subjectType, subjectId]) as Record<string, unknown>[]
  }
}

/** Whether `entries` (in position order) form one whole chain: numbered from 0, linked, every hash right, begun as a chain must begin. */
export function isIntactChain(entries: CustodyEntry[]): boolean {
  const first = entries[0]
  if (!first || first.action !== (first.subjectType === 'incident' ? 'created' : 'intake')) return false
  return entries.every((e, i) => e.position === i && e.prevHash === (entries[i - 1]?.hash ?? null) && custodyHash(e) === e.hash)
}

function toEntry(row: Record<string, unknown>): { entry: CustodyEntry; readable: boolean } {
  let detail: Record<string, unknown> = {}
  let readable = true
  try {
    const parsed: unknown = JSON.parse(String(row.detail))
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) readable = false
    else detail = parsed as Record<string, unknown>
  } catch {
    readable = false
  }
  const entry: CustodyEntry = {
    subjectType: row.subject_type as CustodySubject,
    subjectId: String(row.subject_id),
    position: Number(row.position),
    at: String(row.at),
    action: row.action as CustodyAction,
    detail,
    prevHash: row.prev_hash === null ? null : String(row.prev_hash),
    hash: String(row.hash),
  }
  return { entry, readable }
}
