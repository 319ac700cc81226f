import { createHash, randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../main/vault/atomicWrite'
import { openDatabase, type Database } from '../../main/vault/database'
import { minimumKdf } from '../../main/vault/kdf'
import { encodeKeySlot, sealKeySlot, secretBuffer } from '../../main/vault/keyslot'
import { databaseFile, headerFile } from '../../main/vault/layout'
import { migrations, runMigrations } from '../../main/vault/migrations'

/**
 * A vault as builds before the blob store left it: schema 5, every file's
 * bytes in 1 MiB rows of `file_chunks`. Returns the ids in the order given
 * and a way to open the raw database with its key.
 */
export async function makeChunkVault(
  dir: string,
  passphrase: string,
  files: { name: string; bytes: Buffer }[],
): Promise<{ ids: string[]; rawDatabase: () => Database }> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const dataKey = secretBuffer(32)
  const db = openDatabase(join(dir, databaseFile), dataKey)
  db.pragma('auto_vacuum = INCREMENTAL')
  runMigrations(db, migrations.slice(0, 5))
  const stamp = '2026-11-01T10:00:00.000Z'
  const ids = files.map(({ name, bytes }) => {
    const id = randomUUID()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO files (id, name, mime, size, sha256, modified_at, complete, created_at, updated_at)
         VALUES (?, ?, 'application/octet-stream', ?, ?, NULL, 1, ?, ?)`,
      ).run([id, name, bytes.length, createHash('sha256').update(bytes).digest('hex'), stamp, stamp])
      const insert = db.prepare('INSERT INTO file_chunks (file_id, seq, data) VALUES (?, ?, ?)')
      for (let seq = 0; seq * 2 ** 20 < bytes.length; seq++) insert.run([id, seq, Buffer.from(bytes.subarray(seq * 2 ** 20, (seq + 1) * 2 ** 20))])
    })()
    return id
  })
  db.close()
  await writeFileAtomic(dir, headerFile, encodeKeySlot(await sealKeySlot(dataKey, passphrase, minimumKdf)))
  const key = Buffer.from(dataKey)
  dataKey.fill(0)
  return { ids, rawDatabase: () => openDatabase(join(dir, databaseFile), key) }
}
