import { openSync, closeSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyVault } from '../../main/evidence/verify'
import { databaseFile, type OpenVault } from '../../main/vault/vault'
import { evidencePassphrase, openTestVault, patterned, piecesOf } from '../support/evidenceVault'
import { runCli } from '../support/runCli'
import { leafPages } from '../support/sqlcipherPages'

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

/** Overwrites 32 bytes in the middle of one page: its HMAC no longer matches, SQLCipher refuses it. */
function damagePage(path: string, pgno: number): void {
  const fd = openSync(path, 'r+')
  try {
    writeSync(fd, Buffer.alloc(32, 0xa5), 0, 32, (pgno - 1) * 4096 + 2000)
  } finally {
    closeSync(fd)
  }
}

async function vaultWithManyContacts() {
  const made = await openTestVault()
  open = made.vault
  const { store } = made.vault
  const contacts = Array.from({ length: 60 }, (_, i) =>
    store.contacts.create({ name: `Example Contact ${i}`, roles: ['ally'], notes: `Met at the training, row ${i}. `.repeat(20) }),
  )
  const file = await store.files.add({ name: 'leaflet.pdf' }, piecesOf(patterned(20_000)))
  const incident = store.incidents.create({ title: 'Leaflet re-shared with threats', kind: 'online_harassment', occurredOn: '2026-11-25', fileIds: [file.id] })
  return { ...made, contacts, file, incident }
}

/** The ids of the rows on the middle leaf page of `table`, and that page's number. */
function middleLeaf(made: Awaited<ReturnType<typeof vaultWithManyContacts>>, table: string) {
  const db = made.rawDatabase()
  try {
    const root = Number(db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?', { pluck: true }).get([table]))
    const leaves = leafPages(join(made.dir, databaseFile), made.dataKey, root)
    expect(leaves.length).toBeGreaterThan(2)
    const leaf = leaves[Math.floor(leaves.length / 2)]!
    const ids = leaf.rowids.map((r) => String(db.prepare(`SELECT id FROM ${table} WHERE rowid = ?`, { pluck: true }).get([r])))
    return { pgno: leaf.pgno, ids }
  } finally {
    db.close()
  }
}

describe('verify after damage inside an encrypted page', () => {
  it('names every record on the damaged page, and checks everything else', async () => {
    const made = await vaultWithManyContacts()
    const { pgno, ids } = middleLeaf(made, 'contacts')
    expect(ids.length).toBeGreaterThan(1)
    made.vault.lock()
    damagePage(join(made.dir, databaseFile), pgno)
    open = await made.reopen()

    const report = await verifyVault(open.store)
    const unreadable = report.problems.filter((p) => p.kind === 'record_unreadable')
    expect(unreadable.map((p) => p.recordId).sort()).toEqual([...ids].sort())
    expect(unreadable.every((p) => p.recordType === 'record' && p.label === 'contacts')).toBe(true)
    expect(report.problems).toHaveLength(ids.length)
    // The file and both chains were still checked in full.
    expect(report).toMatchObject({ files: 1, bytes: 20_000, chains: 2 })
    // The app's own connection never read the bad page: other records still open.
    expect(open.store.incidents.get(made.incident.id).title).toBe('Leaflet re-shared with threats')
    const survivor = made.contacts.find((c) => !ids.includes(c.id))!
    expect(open.store.contacts.get(survivor.id).name).toBe(survivor.name)
  })

  it('damage in the custody log names each chain it hides, by its incident', async () => {
    const made = await vaultWithManyContacts()
    const incidents = Array.from({ length: 12 }, (_, i) =>
      made.vault.store.incidents.create({ title: `Threat ${i}`, kind: 'threat', occurredOn: '2026-11-20', description: 'Caller named the school. '.repeat(40) }),
    )
    for (const incident of incidents) made.vault.store.incidents.annotate(incident.id, 'Reported to the hotline. '.repeat(40))
    const db = made.rawDatabase()
    const root = Number(db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'custody'", { pluck: true }).get())
    db.close()
    const leaves = leafPages(join(made.dir, databaseFile), made.dataKey, root)
    made.vault.lock()
    damagePage(join(made.dir, databaseFile), leaves[Math.floor(leaves.length / 2)]!.pgno)

    // Independently: which chains can a fresh connection no longer read?
    const hidden = [made.incident, ...incidents].filter((incident) => {
      const raw = made.rawDatabase()
      try {
        raw.prepare("SELECT * FROM custody WHERE subject_type = 'incident' AND subject_id = ?").all([incident.id])
        return false
      } catch {
        return true
      } finally {
        raw.close()
      }
    })
    expect(hidden.length).toBeGreaterThan(0)
    open = await made.reopen()
    const unreadable = (await verifyVault(open.store)).problems.filter((p) => p.kind === 'record_unreadable')
    expect(unreadable.filter((p) => p.label === 'custody').map((p) => `${p.recordType}:${p.recordId}`).sort()).toEqual(
      hidden.map((i) => `incident:${i.id}`).sort(),
    )
  })

  it('the CLI lists each unreadable record and exits 5, not 4', async () => {
    const made = await vaultWithManyContacts()
    const { pgno, ids } = middleLeaf(made, 'contacts')
    made.vault.lock()
    open = null
    damagePage(join(made.dir, databaseFile), pgno)
    const result = await runCli(['verify', '--vault', made.dir], `${evidencePassphrase}\n`)
    expect(result.code, result.stderr).toBe(5)
    for (const id of ids) expect(result.stdout).toContain(`record_unreadable\trecord\t${id}\tcontacts`)
    expect(result.stdout).toMatch(new RegExp(`1 files .* ${ids.length} problems`))
  })
})
