import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from '@signalapp/sqlcipher'
import { describe, expect, it } from 'vitest'
import { custodyHash } from '../../main/evidence/custodyLog'
import { BlobFolder } from '../../main/store/blobs/blobFolder'
import { moveChunksToBlobs } from '../../main/store/blobs/chunkMove'
import { createStore } from '../../main/store/records'
import { verifyVault } from '../../main/evidence/verify'
import { migrations, runMigrations } from '../../main/vault/migrations'

describe('migration 004 (evidence)', () => {
  it('gives incidents and files made before it a valid first custody entry', async () => {
    const db = new Database(':memory:')
    db.pragma('foreign_keys = ON')
    runMigrations(db, migrations.slice(0, 3))
    const stamp = '2026-11-01T10:00:00.000Z'
    db.prepare(
      `INSERT INTO incidents (id, title, kind, occurred_on, occurred_time, time_zone, place, url, perpetrators, witnesses, description, severity, created_at, updated_at)
       VALUES ('a0000000-0000-4000-8000-000000000001', 'Old incident', 'threat', '2026-10-30', NULL, NULL, '', NULL, '', '', '', 'medium', ?, ?)`,
    ).run([stamp, stamp])
    db.prepare(
      `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
       VALUES ('b0000000-0000-4000-8000-000000000002', 'old.txt', 'text/plain', 2, '8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4', NULL, 1, ?, ?)`,
    ).run([stamp, stamp])
    db.prepare(`INSERT INTO file_chunks (file_id, seq, data) VALUES ('b0000000-0000-4000-8000-000000000002', 0, ?)`).run([Buffer.from('hi')])
    runMigrations(db)

    const dir = await mkdtemp(join(tmpdir(), 'sestra-m004-'))
    const blobs = new BlobFolder(dir)
    const store = createStore(db, blobs)
    await moveChunksToBlobs(db, blobs, store.files)
    const [incidentEntry] = store.custody.entries('incident', 'a0000000-0000-4000-8000-000000000001')
    expect(incidentEntry).toMatchObject({ action: 'created', position: 0, detail: { backfilled: true, fields: { title: 'Old incident' } } })
    expect(incidentEntry!.hash).toBe(custodyHash(incidentEntry!))
    expect(store.custody.entries('file', 'b0000000-0000-4000-8000-000000000002')).toMatchObject([{ action: 'intake', detail: { size: 2 } }])
    expect(store.incidents.get('a0000000-0000-4000-8000-000000000001')).toMatchObject({ platform: '', campaignId: null, fileIds: [] })
    expect((await verifyVault(store)).problems).toEqual([])
    db.close()
    await rm(dir, { recursive: true, force: true })
  })
})
