import { SestraError } from '../../shared/errors'
import type { Database } from '../vault/database'
import { columnInfo, parseRows, tableDefinition } from './rows'

export type Row = Record<string, string | number | null>

/**
 * Tables that are not data of their own and never travel in a bundle: the
 * vault's secret identity and signing key, file bytes and blob keys (files travel as files), what
 * triggers rebuild from the records (the search index and its row map), and custody
 * heads (each vault signs its own; an import recomputes them), and the first-steps
 * marks (a duress or restored vault starts without them, like a new one).
 * Virtual tables and their shadow tables are skipped as well.
 */
const notExported = new Set(['vault_identity', 'signing_key', 'file_chunks', 'file_blobs', 'search_rows', 'custody_heads', 'first_steps'])

/**
 * Every row of every data table, by SQL name, for whole-vault bundles. Working
 * from the schema itself means a table added by a later migration is backed
 * up without anyone remembering to add it here.
 */
export class TableRows {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  tables(): string[] {
    const all = parseRows(
      tableDefinition,
      this.#db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid").all(),
    )
    const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name)
    return all
      .map((t) => t.name)
      .filter((name) => !notExported.has(name) && !virtual.some((v) => name === v || name.startsWith(`${v}_`)))
  }

  columns(table: string): { name: string; key: boolean }[] {
    return parseRows(columnInfo, this.#db.pragma(`table_info(${quote(table)})`)).map((c) => ({
      name: c.name,
      key: c.pk > 0,
    }))
  }

  /** Whether a record table holds this id (a bundle's files count once staged). */
  has(table: string, id: string): boolean {
    return this.#db.prepare(`SELECT 1 FROM ${quote(table)} WHERE id = ?`, { pluck: true }).get([id]) !== undefined
  }

  /** Files only once complete: a half-imported file is not data yet. */
  rows(table: string): Row[] {
    const where = table === 'files' ? 'WHERE complete = 1' : ''
    const rows: Record<string, unknown>[] = this.#db.prepare(`SELECT * FROM ${quote(table)} ${where}`).all()
    return rows.map((row) => {
      if (!isSqlRow(row)) throw new SestraError('CORRUPT_DATABASE', table)
      return row
    })
  }

  /**
   * Inserts one row from a bundle. On a key clash the stored row is kept, or
   * with 'replace' overwritten where it differs (identical rows are left
   * alone, so append-only tables such as a custody chain merge cleanly).
   * Returns whether anything was written.
   */
  put(table: string, row: Record<string, unknown>, onConflict: 'keep' | 'replace'): boolean {
    const columns = this.columns(table)
    const names = Object.keys(row)
    const unknown = names.find((n) => !columns.some((c) => c.name === n))
    if (unknown !== undefined) throw new SestraError('BUNDLE_NEWER_VERSION', `column ${table}.${unknown.slice(0, 64)}`)
    if (names.some((n) => !isSqlValue(row[n]))) throw new SestraError('BUNDLE_INVALID', `records/${table}.json`)
    const keys = columns.filter((c) => c.key).map((c) => c.name)
    const rest = names.filter((n) => !keys.includes(n))
    const conflict =
      onConflict === 'replace' && keys.length > 0 && rest.length > 0
        ? `ON CONFLICT(${keys.map(quote).join(', ')}) DO UPDATE SET ${rest.map((n) => `${quote(n)} = excluded.${quote(n)}`).join(', ')}
           WHERE ${rest.map((n) => `${quote(n)} IS NOT excluded.${quote(n)}`).join(' OR ')}`
        : 'ON CONFLICT DO NOTHING'
    const result = this.#db
      .prepare(`INSERT INTO ${quote(table)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ${conflict}`)
      .run(names.map((n) => sqlValue(row[n])))
    return result.changes > 0
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

export const isSqlValue = (value: unknown): value is string | number | null =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))

const isSqlRow = (row: Record<string, unknown>): row is Row => Object.values(row).every(isSqlValue)

/** A value already checked by `isSqlValue`; anything else is a bug, not data. */
export function sqlValue(value: unknown): string | number | null {
  if (!isSqlValue(value)) throw new SestraError('INTERNAL', 'not a SQL value')
  return value
}
