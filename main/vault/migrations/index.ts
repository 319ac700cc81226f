import { SestraError } from '../../../shared/errors'
import type { Database } from '../database'
import { migration001 } from './001-initial'
import { migration002 } from './002-campaign-readiness'
import { migration003 } from './003-exchange'
import { migration004 } from './004-evidence'
import { migration005 } from './005-rowid-file-chunks'
import { migration006 } from './006-blob-store'
import { migration007 } from './007-custody-heads'
import { migration008 } from './008-first-steps'
import type { Migration } from './types'

/** In order; a vault's `user_version` is the last one applied. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008]

export const latestSchemaVersion = migrations.length

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/** Brings the schema up to date; each step commits or rolls back whole. */
export function runMigrations(db: Database, list: readonly Migration[] = migrations): void {
  const current = schemaVersion(db)
  if (current > list.length) {
    throw new SestraError('NEWER_VERSION', `schema version ${current}`)
  }
  for (const migration of list.slice(current)) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
