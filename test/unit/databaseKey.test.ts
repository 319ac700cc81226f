import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rekeyWithNewSalt, setUpConnection } from '../../main/store/connection'
import { openDatabase, type Database } from '../../main/vault/database'
import { tempDir } from '../support/tempDirs'

/** A connection whose engine quotes a failing statement back in its error, as SQLite's tokenizer does. */
const quotingEngine = {
  pragma(source: string) {
    if (/^(re)?key/.test(source)) throw Object.assign(new Error(`sqlite error(SQLITE_ERROR): unrecognized token: "${source}"`), { code: 'SQLITE_ERROR' })
  },
} as unknown as Database

function thrownBy(run: () => void): Error & { code?: string } {
  try {
    run()
  } catch (error) {
    return error as Error & { code?: string }
  }
  throw new Error('did not throw')
}

describe('the database key in SQL', () => {
  const dataKey = randomBytes(32)
  const hex = dataKey.toString('hex')

  it.each([
    ['keying', () => setUpConnection(quotingEngine, dataKey)],
    ['rekeying', () => rekeyWithNewSalt(quotingEngine, dataKey)],
  ])('a failure while %s keeps its code and never quotes the key', (_, run) => {
    const error = thrownBy(run)
    expect(error.code).toBe('SQLITE_ERROR')
    expect(`${error.message} ${error.stack}`).not.toContain(hex)
    expect(`${error.message} ${error.stack}`).not.toContain(hex.slice(0, 16))
  })

  it('a wrong key fails the open as no database, naming no key', async () => {
    const path = join(await tempDir(), 'v.db')
    const db = openDatabase(path, dataKey)
    db.exec('CREATE TABLE t (x)')
    db.close()
    const error = thrownBy(() => openDatabase(path, randomBytes(32)))
    expect(error.code).toBe('SQLITE_NOTADB')
    expect(error.message).not.toContain(hex)
  })
})
