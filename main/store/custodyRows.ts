import { z } from 'zod'
import { custodyActions, custodySubjects, type CustodyEntry, type CustodySubject } from '../../shared/domain/custody'
import { canonicalJson } from '../evidence/canonicalJson'
import type { Database } from '../vault/database'
import { jsonValue, optionalRow, parseRows } from './rows'

const subjectType = z.enum(custodySubjects)

const lastRow = z.object({ position: z.number(), hash: z.string() })
const headRow = z.object({ count: z.number(), lastHash: z.string(), signature: z.string() })
const subjectRow = z.object({ subjectType, subjectId: z.string() })

// The object itself, not a copy: a copy would drop a "__proto__" key and change the entry's hash.
const detailObject = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value))

/**
 * A detail that is no JSON object any more is not damage to the database but
 * to the chain: the entry reads with an empty detail and `readable: false`,
 * for the chain check to report at its position.
 */
const entryRow = z
  .object({
    subject_type: subjectType,
    subject_id: z.string(),
    position: z.number(),
    at: z.string(),
    action: z.enum(custodyActions),
    detail: z.string(),
    prev_hash: z.string().nullable(),
    hash: z.string(),
  })
  .transform((row): StoredCustodyEntry => {
    const detail = detailObject.safeParse(jsonValue(row.detail))
    return {
      entry: {
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        position: row.position,
        at: row.at,
        action: row.action,
        detail: detail.success ? detail.data : {},
        prevHash: row.prev_hash,
        hash: row.hash,
      },
      readable: detail.success,
    }
  })

export interface StoredCustodyEntry {
  entry: CustodyEntry
  readable: boolean
}

/** What a chain's signed head records: its length, its last hash and the signature over both. */
export type CustodyHead = z.infer<typeof headRow>

/**
 * The `custody` and `custody_heads` tables (migrations 004 and 007). What the
 * rows mean, how they are hashed and signed and how a chain is checked, is
 * `CustodyLog`'s; this is only where they are kept.
 */
export class CustodyRows {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /** The position and hash of a chain's last entry, undefined for a chain not begun. */
  last(subjectType: CustodySubject, subjectId: string): z.infer<typeof lastRow> | undefined {
    const row = this.#db
      .prepare('SELECT position, hash FROM custody WHERE subject_type = ? AND subject_id = ? ORDER BY position DESC LIMIT 1')
      .get([subjectType, subjectId])
    return optionalRow(lastRow, row)
  }

  insert(entries: readonly CustodyEntry[]): void {
    const insert = this.#db.prepare(
      `INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    for (const e of entries) insert.run([e.subjectType, e.subjectId, e.position, e.at, e.action, canonicalJson(e.detail), e.prevHash, e.hash])
  }

  /** One chain in position order. */
  chain(subjectType: CustodySubject, subjectId: string): StoredCustodyEntry[] {
    const rows = this.#db.prepare('SELECT * FROM custody WHERE subject_type = ? AND subject_id = ? ORDER BY position').all([subjectType, subjectId])
    return parseRows(entryRow, rows)
  }

  writeHead(subjectType: CustodySubject, subjectId: string, head: CustodyHead): void {
    this.#db
      .prepare(
        `INSERT INTO custody_heads (subject_type, subject_id, count, last_hash, signature) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (subject_type, subject_id) DO UPDATE SET count = excluded.count, last_hash = excluded.last_hash, signature = excluded.signature`,
      )
      .run([subjectType, subjectId, head.count, head.lastHash, head.signature])
  }

  head(subjectType: CustodySubject, subjectId: string): CustodyHead | undefined {
    const row = this.#db
      .prepare('SELECT count, last_hash AS lastHash, signature FROM custody_heads WHERE subject_type = ? AND subject_id = ?')
      .get([subjectType, subjectId])
    return optionalRow(headRow, row)
  }

  /** Every subject that has a chain or a head. */
  subjects(): z.infer<typeof subjectRow>[] {
    const rows = this.#db
      .prepare(
        `SELECT subject_type AS subjectType, subject_id AS subjectId FROM custody
         UNION SELECT subject_type, subject_id FROM custody_heads
         ORDER BY subjectType, subjectId`,
      )
      .all()
    return parseRows(subjectRow, rows)
  }
}
