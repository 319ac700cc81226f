/*
 * One side of the contacts benchmark, alone in its process:
 * `node --import tsx test/bench/contactsChild.ts encrypted|plain DIR`.
 * SQLCipher's `cipher_memory_security` is process-wide and cannot be switched
 * off once on, so a plain baseline sharing a process with an encrypted
 * database would not be plain. Prints the figures as one JSON line.
 */
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from '@signalapp/sqlcipher'
import type { ContactInput } from '../../shared/domain/contact'
import { BlobFolder } from '../../main/store/blobs/blobFolder'
import { listContacts } from '../../main/store/contactQueries'
import { createStore, type Store } from '../../main/store/records'
import { openDatabase } from '../../main/vault/database'
import { runMigrations } from '../../main/vault/migrations'

const contactsCount = 100_000
const round = (n: number, digits = 1) => Number(n.toFixed(digits))

async function timed<T>(task: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now()
  const value = await task()
  return [value, performance.now() - start]
}

function contactInput(i: number): ContactInput {
  return {
    name: `Contact ${String(i).padStart(6, '0')} ${i % 7 === 0 ? 'Lawyer' : 'Ally'}`,
    organisation: `Organisation ${i % 500}`,
    roles: i % 7 === 0 ? ['lawyer'] : ['ally'],
    phones: [`+7 900 ${String(i).padStart(7, '0')}`],
    notes: 'Met at the briefing; prefers Signal in the evening. '.repeat(4),
    speedDial: i % 1000 === 0,
  }
}

export interface TableFigures {
  insertPerSec: number
  firstPageMs: number
  searchMs: number
  searchFirstMs: number
  pointLookupsMs: number
}

/** The same data layer and schema over an encrypted and a plain database. */
async function benchContacts(db: Database): Promise<TableFigures> {
  runMigrations(db)
  // Contacts only: the store's blob folder is never touched.
  const store: Store = createStore(db, new BlobFolder(join(tmpdir(), 'sestra-bench-no-blobs')))
  const [ids, insertMs] = await timed(() =>
    db.transaction(() => Array.from({ length: contactsCount }, (_, i) => store.contacts.create(contactInput(i)).id))(),
  )
  // Measured cold after reopening would need the key again; a fresh statement
  // cache is what the UI sees on its first list after unlock.
  const [, firstPageMs] = await timed(() => listContacts(store, { query: '', limit: 100, offset: 0 }))
  // The first search pays for reading (and decrypting) every page cold; later ones find them cached.
  const searches: number[] = []
  for (let i = 0; i < 5; i++) searches.push((await timed(() => listContacts(store, { query: 'Organisation 42', limit: 100, offset: 0 })))[1])
  const searchFirstMs = searches[0] as number
  const searchMs = searches.sort((a, b) => a - b)[2] as number
  const [, pointLookupsMs] = await timed(() => {
    for (let i = 0; i < 10_000; i++) store.contacts.get(ids[(i * 7919) % ids.length] as string)
  })
  db.close()
  return { insertPerSec: round(contactsCount / (insertMs / 1000), 0), firstPageMs, searchMs, searchFirstMs, pointLookupsMs }
}

function applyPlainPragmas(db: Database) {
  db.pragma('temp_store = MEMORY')
  db.pragma('foreign_keys = ON')
  db.pragma('journal_mode = DELETE')
  db.pragma('synchronous = FULL')
  db.pragma('cache_size = -65536')
}


const [side, root] = process.argv.slice(2) as ['encrypted' | 'plain', string]
const db = side === 'encrypted' ? openDatabase(join(root, 'enc.db'), randomBytes(32)) : new Database(join(root, 'plain.db'), { cacheStatements: true })
if (side === 'plain') applyPlainPragmas(db)
console.log(JSON.stringify(await benchContacts(db)))
