import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import { z } from 'zod'
import { columnInfo, parseRows, tableDefinition } from './rows'
import { nextTurn } from '../nextTurn'

const attachedDatabase = z.object({ name: z.string(), file: z.string() })

/** A row that cannot be read: its table and its key (the record's id where known). */
export interface UnreadableRow {
  table: string
  key: string
}

export interface ReadabilityReport {
  unreadable: UnreadableRow[]
  /** Keys read back from each table with a single-column key (ids): what later checks may visit. */
  keys: Map<string, string[]>
}

const isDamage = (error: unknown) => /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown } | null)?.code))
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
const yieldEvery = 500

interface TableShape {
  name: string
  rowid: boolean
  /** The primary key's columns, in key order. */
  key: string[]
}

/**
 * SQLCipher checks each page's HMAC as it reads it; after one page fails,
 * that connection refuses every later read. So the vault file is attached
 * again under a fresh name (it inherits the open key) and every row is read
 * by its own key through it; after a failure the attachment is replaced.
 * The app's own connection never touches a damaged page here.
 */
class Probe {
  readonly #db: Database
  readonly #path: string
  #name = ''
  #count = 0

  constructor(db: Database) {
    this.#db = db
    const main = parseRows(attachedDatabase, db.pragma('database_list')).find((d) => d.name === 'main')
    // An in-memory database (tests of old schemas) has no pages to damage: it is read directly.
    this.#path = main?.file ?? ''
    this.#attach()
  }

  #attach(): void {
    if (!this.#path) {
      this.#name = 'main'
      return
    }
    this.#name = `readability_probe_${++this.#count}`
    this.#db.prepare(`ATTACH DATABASE ? AS ${this.#name}`).run([this.#path])
  }

  /** Runs one read; false (and a fresh attachment) when it hit a damaged page. */
  read(sql: (schema: string) => string, params: (string | number)[] = [], onRows?: (rows: Record<string, unknown>[]) => void): boolean {
    try {
      const rows: Record<string, unknown>[] = this.#db.prepare(sql(this.#name)).all(params)
      onRows?.(rows)
      return true
    } catch (error) {
      if (!isDamage(error)) throw error
      this.close()
      this.#attach()
      return false
    }
  }

  close(): void {
    if (this.#path) this.#db.exec(`DETACH DATABASE ${this.#name}`)
  }
}

/**
 * Finds every row the vault file can no longer give back, one row at a time,
 * so damage in one page names the records on it and stops nothing else.
 */
export class Readability {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  async scan(signal?: AbortSignal): Promise<ReadabilityReport> {
    const probe = new Probe(this.#db)
    const unreadable: UnreadableRow[] = []
    const keys = new Map<string, string[]>()
    /** Every id seen, readable or not: rows of tables without rowids are found by them. */
    const ids = new Set<string>()
    let reads = 0
    const step = async () => {
      if (signal?.aborted) throw new SestraError('ABORTED')
      if (++reads % yieldEvery === 0) await nextTurn()
    }
    try {
      const shapes = this.#tables()
      for (const table of shapes.filter((t) => t.rowid)) {
        const name = table.key.length === 1 ? table.key[0]! : null
        // Most tables read whole without fault; only a table that fails is read again row by row.
        await step()
        const whole = (rows: Record<string, unknown>[]) => {
          if (name) keys.set(table.name, rows.map((row) => String(row[name])))
        }
        if (probe.read((s) => `SELECT * FROM ${s}.${quote(table.name)}`, [], whole)) {
          keys.get(table.name)?.forEach((id) => ids.add(id))
          continue
        }
        const byRowid = new Map<number, string>()
        // Usually answered from the key's own index, so rows on a damaged table page still get their ids.
        if (name) {
          probe.read(
            (s) => `SELECT rowid AS r, ${quote(name)} AS k FROM ${s}.${quote(table.name)}`,
            [],
            (rows) => rows.forEach((row) => byRowid.set(Number(row.r), String(row.k))),
          )
        }
        byRowid.forEach((id) => ids.add(id))
        let last = 0
        if (!probe.read((s) => `SELECT max(rowid) AS m FROM ${s}.${quote(table.name)}`, [], (rows) => (last = Number(rows[0]?.m ?? 0)))) {
          unreadable.push({ table: table.name, key: '*' })
          continue
        }
        const readable: string[] = []
        for (let rowid = 1; rowid <= last; rowid++) {
          await step()
          let found = false
          const ok = probe.read((s) => `SELECT * FROM ${s}.${quote(table.name)} WHERE rowid = ?`, [rowid], (rows) => (found = rows.length > 0))
          const key = byRowid.get(rowid) ?? `rowid ${rowid}`
          if (!ok) unreadable.push({ table: table.name, key })
          else if (found) readable.push(key)
        }
        if (name) keys.set(table.name, readable)
      }
      for (const table of shapes.filter((t) => !t.rowid)) {
        await step()
        if (probe.read((s) => `SELECT * FROM ${s}.${quote(table.name)}`)) continue
        for (const owner of this.#owners(table, ids, keys)) {
          await step()
          const where = owner.columns.map((c) => `${quote(c)} = ?`).join(' AND ')
          if (!probe.read((s) => `SELECT * FROM ${s}.${quote(table.name)} WHERE ${where}`, owner.values)) {
            unreadable.push({ table: table.name, key: owner.values.join(':') })
          }
        }
      }
    } finally {
      probe.close()
    }
    return { unreadable, keys }
  }

  /**
   * The groups a table without rowids is read in: its rows by their leading
   * key (a record's id), or, for custody, by chain (type and record id).
   */
  #owners(table: TableShape, ids: Set<string>, keys: Map<string, string[]>): { columns: string[]; values: string[] }[] {
    if (table.key[0] === 'subject_type') {
      const subjects = [...(keys.get('incidents') ?? []).map((id) => ['incident', id]), ...(keys.get('files') ?? []).map((id) => ['file', id])]
      return subjects.map((values) => ({ columns: ['subject_type', 'subject_id'], values }))
    }
    return [...ids].map((id) => ({ columns: [table.key[0]!], values: [id] }))
  }

  /** Every ordinary table; virtual tables and their shadow tables (the search index) are rebuilt, not read. */
  #tables(): TableShape[] {
    const all = parseRows(
      tableDefinition,
      this.#db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all(),
    )
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name)
    return all
      .filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)))
      .map((t) => {
        const columns = parseRows(columnInfo, this.#db.pragma(`table_info(${quote(t.name)})`))
        const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
        return { name: t.name, rowid: !/WITHOUT\s+ROWID\s*;?\s*$/i.test(t.sql), key }
      })
  }
}
