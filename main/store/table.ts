import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { SestraError } from '../../shared/errors'
import type { Stored } from '../../shared/domain/common'
import type { Database } from '../vault/database'

type Codec = 'text' | 'json' | 'bool'

export interface TableSpec<S extends z.ZodObject> {
  table: string
  schema: S
  /** Fields that are not plain text/number columns. */
  codecs?: Partial<Record<keyof z.output<S> & string, Codec>>
  orderBy: string
}

export interface ListPage<T> {
  items: T[]
  total: number
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Create/read/update/delete for one record type. Every write is validated
 * against the shared schema here, so the renderer, the CLI and importers get
 * the same rules.
 */
export class Table<S extends z.ZodObject> {
  readonly #db: Database
  readonly #spec: TableSpec<S>
  readonly #fields: string[]

  constructor(db: Database, spec: TableSpec<S>) {
    this.#db = db
    this.#spec = spec
    this.#fields = Object.keys(spec.schema.shape)
  }

  create(input: z.input<S>, now = new Date()): Stored<z.output<S>> {
    const fields = this.#validate(input)
    const stamp = now.toISOString()
    const record: Stored<z.output<S>> = { ...fields, id: randomUUID(), createdAt: stamp, updatedAt: stamp }
    const columns = ['id', ...this.#fields, 'createdAt', 'updatedAt']
    this.#db
      .prepare(
        `INSERT INTO ${this.#spec.table} (${columns.map(snake).join(', ')})
         VALUES (${columns.map((c) => `$${c}`).join(', ')})`,
      )
      .run(this.#encode(record))
    return record
  }

  get(id: string): Stored<z.output<S>> {
    const row = this.#db.prepare(`SELECT * FROM ${this.#spec.table} WHERE id = ?`).get([id])
    if (!row) throw new SestraError('NOT_FOUND')
    return this.#decode(row)
  }

  list(options: { limit?: number; offset?: number; where?: string; params?: (string | number)[] } = {}): ListPage<Stored<z.output<S>>> {
    const where = options.where ? `WHERE ${options.where}` : ''
    const params = options.params ?? []
    const rows = this.#db
      .prepare(`SELECT * FROM ${this.#spec.table} ${where} ORDER BY ${this.#spec.orderBy} LIMIT ? OFFSET ?`)
      .all([...params, options.limit ?? -1, options.offset ?? 0])
    const total = this.#db
      .prepare(`SELECT count(*) AS n FROM ${this.#spec.table} ${where}`, { pluck: true })
      .get(params)
    return { items: rows.map((r) => this.#decode(r)), total: Number(total) }
  }

  update(id: string, patch: Partial<z.input<S>>, now = new Date()): Stored<z.output<S>> {
    const current = this.get(id)
    const fields = this.#validate({ ...pick(current, this.#fields), ...patch })
    const record: Stored<z.output<S>> = { ...fields, id, createdAt: current.createdAt, updatedAt: now.toISOString() }
    this.#db
      .prepare(
        `UPDATE ${this.#spec.table} SET ${[...this.#fields, 'updatedAt'].map((c) => `${snake(c)} = $${c}`).join(', ')}
         WHERE id = $id`,
      )
      .run(this.#encode(record))
    return record
  }

  delete(id: string): void {
    const result = this.#db.prepare(`DELETE FROM ${this.#spec.table} WHERE id = ?`).run([id])
    if (result.changes === 0) throw new SestraError('NOT_FOUND')
  }

  count(): number {
    return Number(this.#db.prepare(`SELECT count(*) FROM ${this.#spec.table}`, { pluck: true }).get())
  }

  /**
   * Checks a row as stored (SQL column names, encoded values) that came from
   * elsewhere, a bundle, against the same schema writes go through. Returns
   * the fields at fault, or null when the row is valid.
   */
  rowProblems(row: Record<string, unknown>): string | null {
    let record: Record<string, unknown>
    try {
      record = this.#decodeColumns(row)
    } catch {
      return 'encoding'
    }
    const parsed = this.#spec.schema.safeParse(pick(record, this.#fields))
    if (!parsed.success) return parsed.error.issues.map((i) => i.path.join('.')).join(', ')
    // Stored exactly as the app stores it: "yes" decodes as a boolean, but is not one.
    const encoded = this.#encode(record)
    const changed = Object.keys(encoded).filter((key) => snake(key) in row && encoded[key] !== row[snake(key)])
    return changed.length > 0 ? changed.map(snake).join(', ') : null
  }

  #validate(input: unknown): z.output<S> {
    const parsed = this.#spec.schema.safeParse(input)
    if (!parsed.success) {
      throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
    }
    return parsed.data
  }

  #codec(key: string): Codec | undefined {
    return (this.#spec.codecs as Record<string, Codec> | undefined)?.[key]
  }

  #encode(record: Record<string, unknown>): Record<string, string | number | null> {
    const out: Record<string, string | number | null> = {}
    for (const [key, value] of Object.entries(record)) {
      const codec = this.#codec(key)
      out[key] = codec === 'json' ? JSON.stringify(value) : codec === 'bool' ? (value ? 1 : 0) : (value as string | number | null)
    }
    return out
  }

  #decodeColumns(row: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const key of ['id', ...this.#fields, 'createdAt', 'updatedAt']) {
      const value = row[snake(key)]
      const codec = this.#codec(key)
      out[key] = codec === 'json' ? JSON.parse(String(value)) : codec === 'bool' ? value === 1 : value
    }
    return out
  }

  /**
   * A row leaves the store only after the record schema has parsed it: a row
   * the schema refuses (edited outside the app, damaged) is reported as a
   * damaged database, never handed on with a type it does not have.
   */
  #decode(row: Record<string, unknown>): Stored<z.output<S>> {
    const record = this.#decodeColumns(row)
    const parsed = this.#spec.schema.safeParse(pick(record, this.#fields))
    const { id, createdAt, updatedAt } = record
    if (!parsed.success || typeof id !== 'string' || typeof createdAt !== 'string' || typeof updatedAt !== 'string') {
      throw new SestraError('CORRUPT_DATABASE', this.#spec.table)
    }
    return { ...parsed.data, id, createdAt, updatedAt }
  }
}

function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, record[k]]))
}

