import type { Database } from '../database'

/** One schema step. Migrations are append-only: never edit a released one. */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
