import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../main/evidence/canonicalJson'
import { CustodyLog, custodyHash, headMessage } from '../../main/evidence/custodyLog'
import { migrations, runMigrations } from '../../main/vault/migrations'
import { VaultSigningKey } from '../../main/store/signingKey'
import { newVault } from '../support/exchangeFixtures'
import { sshVerify } from '../support/sshKeygen'
import { tempDir } from '../support/tempDirs'

const incidentId = 'c0000000-0000-4000-8000-000000000007'
const stamp = '2026-11-01T10:00:00.000Z'

/** A vault at schema 6 with one incident whose chain has two entries. */
function vaultAtSix() {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  runMigrations(db, migrations.slice(0, 6))
  db.prepare(
    `INSERT INTO incidents (id, title, kind, occurred_on, occurred_time, time_zone, place, url, perpetrators, witnesses, description, severity, created_at, updated_at)
     VALUES (?, 'Leaflet torn down', 'other', '2026-10-30', NULL, NULL, '', NULL, '', '', '', 'medium', ?, ?)`,
  ).run([incidentId, stamp, stamp])
  const insert = db.prepare(
    'INSERT INTO custody (subject_type, subject_id, position, at, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  let prevHash: string | null = null
  for (const [position, action] of (['created', 'annotated'] as const).entries()) {
    const entry = { subjectType: 'incident' as const, subjectId: incidentId, position, at: stamp, action, detail: { note: position }, prevHash }
    const hash = custodyHash(entry)
    insert.run(['incident', incidentId, position, stamp, action, canonicalJson(entry.detail), prevHash, hash])
    prevHash = hash
  }
  return { db, lastHash: prevHash! }
}

describe('migration 007 (custody heads and the signing key)', () => {
  it('makes the signing key and a signed head for every existing chain', async () => {
    const { db, lastHash } = vaultAtSix()
    runMigrations(db, migrations.slice(0, 7))
    expect(db.pragma('user_version', { simple: true })).toBe(7)
    const key = new VaultSigningKey(db)
    expect(key.publicKey()).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/)
    const head = db.prepare('SELECT count, last_hash, signature FROM custody_heads WHERE subject_id = ?').get([incidentId]) as {
      count: number
      last_hash: string
      signature: string
    }
    expect(head).toMatchObject({ count: 2, last_hash: lastHash })
    const checked = sshVerify(await tempDir(), key.publicKey(), 'sestra-custody-head', head.signature, headMessage('incident', incidentId, 2, lastHash))
    expect(checked.code, checked.stderr).toBe(0)
    expect(new CustodyLog(db).check('incident', incidentId, null).problems).toEqual([])
    db.close()
  })

  it('heads go with their record; allies can hold a signing key', () => {
    const { db } = vaultAtSix()
    runMigrations(db)
    const columns = (db.pragma('table_info(allies)') as { name: string }[]).map((c) => c.name)
    expect(columns).toContain('signing_key')
    db.prepare('DELETE FROM incidents WHERE id = ?').run([incidentId])
    expect(db.prepare('SELECT count(*) FROM custody_heads', { pluck: true }).get()).toBe(0)
    db.close()
  })

  it('an empty vault gets no key from the migration (new vaults are copies of one schema), each its own at first use', async () => {
    const empty = new Database(':memory:')
    runMigrations(empty)
    expect(empty.prepare('SELECT count(*) FROM signing_key', { pluck: true }).get()).toBe(0)
    empty.close()
    const [a, b] = [await newVault(), await newVault()]
    try {
      expect(a.store.signingKey.publicKey()).not.toBe(b.store.signingKey.publicKey())
    } finally {
      a.lock()
      b.lock()
    }
  })

  it('a second key is never made over the first', () => {
    const { db } = vaultAtSix()
    runMigrations(db)
    const key = new VaultSigningKey(db)
    const before = key.publicKey()
    key.ensure()
    expect(key.publicKey()).toBe(before)
    db.close()
  })
})
