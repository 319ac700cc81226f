import { afterEach, describe, expect, it } from 'vitest'
import { headMessage } from '../../main/evidence/custodyLog'
import { verifyVault } from '../../main/evidence/verify'
import type { OpenVault } from '../../main/vault/vault'
import { openTestVault, patterned, piecesOf } from '../support/evidenceVault'
import { sshVerify } from '../support/sshKeygen'
import { tempDir } from '../support/tempDirs'

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

async function vaultWithChains() {
  const made = await openTestVault()
  open = made.vault
  const { store } = made.vault
  const file = await store.files.add({ name: 'threat-voicemail.ogg', modifiedAt: '2026-11-26T18:40:00.000Z' }, piecesOf(patterned(70_000)))
  const incident = store.incidents.create({ title: 'Voicemail threat', kind: 'threat', occurredOn: '2026-11-26', fileIds: [file.id] })
  store.incidents.annotate(incident.id, 'Number saved for the lawyer.')
  return { ...made, file, incident }
}

/** Runs SQL as an examiner holding the data key would, then reopens the vault and verifies. */
async function tamper(made: Awaited<ReturnType<typeof vaultWithChains>>, sql: (db: ReturnType<typeof made.rawDatabase>) => void) {
  made.vault.lock()
  const db = made.rawDatabase()
  try {
    sql(db)
  } finally {
    db.close()
  }
  open = await made.reopen()
  return (await verifyVault(open.store)).problems
}

const lastPosition = 'SELECT max(position) FROM custody WHERE subject_type = ? AND subject_id = ?'

describe('custody heads', () => {
  it('every append moves the head, signed by the vault key that ssh-keygen accepts', async () => {
    const made = await vaultWithChains()
    const { store } = made.vault
    const chain = store.custody.entries('incident', made.incident.id)
    const db = made.rawDatabase()
    const head = db.prepare("SELECT * FROM custody_heads WHERE subject_type = 'incident' AND subject_id = ?").get([made.incident.id]) as {
      count: number
      last_hash: string
      signature: string
    }
    db.close()
    expect(head).toMatchObject({ count: chain.length, last_hash: chain.at(-1)!.hash })
    const checked = sshVerify(
      await tempDir(),
      store.signingKey.publicKey(),
      'sestra-custody-head',
      head.signature,
      headMessage('incident', made.incident.id, head.count, head.last_hash),
    )
    expect(checked.code, checked.stderr).toBe(0)
    expect((await verifyVault(store)).problems).toEqual([])
  })

  for (const subject of ['incident', 'file'] as const) {
    it(`deleting the last entry of ${subject === 'file' ? 'a file' : 'an incident'}'s chain (guard dropped) is reported`, async () => {
      const made = await vaultWithChains()
      const id = subject === 'file' ? made.file.id : made.incident.id
      const problems = await tamper(made, (db) => {
        db.exec('DROP TRIGGER custody_no_delete')
        const last = db.prepare(lastPosition, { pluck: true }).get([subject, id])
        db.prepare('DELETE FROM custody WHERE subject_type = ? AND subject_id = ? AND position = ?').run([subject, id, last as number])
      })
      expect(problems).toContainEqual(expect.objectContaining({ kind: 'custody_head', recordType: subject, recordId: id }))
    })
  }

  it('a removed head, or a head rewritten without the key, is reported', async () => {
    const made = await vaultWithChains()
    const problems = await tamper(made, (db) => {
      db.prepare("DELETE FROM custody_heads WHERE subject_type = 'file' AND subject_id = ?").run([made.file.id])
      db.exec('DROP TRIGGER custody_no_delete')
      db.prepare("DELETE FROM custody WHERE subject_type = 'incident' AND subject_id = ? AND position = 2").run([made.incident.id])
      db.prepare("UPDATE custody_heads SET count = 2, last_hash = (SELECT hash FROM custody WHERE subject_id = ? AND position = 1) WHERE subject_id = ?").run([
        made.incident.id,
        made.incident.id,
      ])
    })
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'custody_head_missing', recordType: 'file', recordId: made.file.id }))
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'custody_signature', recordType: 'incident', recordId: made.incident.id }))
  })

  it('a vault whose signing key was removed still verifies, and says no head is signed by it', async () => {
    const made = await vaultWithChains()
    const problems = await tamper(made, (db) => db.exec('DELETE FROM signing_key'))
    expect(problems.map((p) => `${p.kind}:${p.recordType}`).sort()).toEqual(['custody_signature:file', 'custody_signature:incident'])
  })

  it("a stored file's name, modification time or type changed outside the log is reported by field", async () => {
    const made = await vaultWithChains()
    const problems = await tamper(made, (db) => {
      db.prepare("UPDATE files SET name = 'holiday.ogg', modified_at = '2025-01-01T00:00:00.000Z', mime = 'text/plain' WHERE id = ?").run([made.file.id])
    })
    const record = problems.find((p) => p.kind === 'file_record' && p.recordId === made.file.id)
    expect(record?.expected).toBe('name "threat-voicemail.ogg", mime "application/octet-stream", modifiedAt "2026-11-26T18:40:00.000Z"')
    expect(record?.actual).toBe('name "holiday.ogg", mime "text/plain", modifiedAt "2025-01-01T00:00:00.000Z"')
  })

  it('the intake time is held to the log as well', async () => {
    const made = await vaultWithChains()
    const problems = await tamper(made, (db) => {
      db.prepare("UPDATE files SET created_at = '2026-11-01T00:00:00.000Z' WHERE id = ?").run([made.file.id])
    })
    expect(problems).toEqual([expect.objectContaining({ kind: 'file_record', recordId: made.file.id, actual: 'createdAt "2026-11-01T00:00:00.000Z"' })])
  })
})
