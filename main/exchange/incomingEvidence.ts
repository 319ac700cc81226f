import type { CustodyEntry, CustodySubject } from '../../shared/domain/custody'
import { SestraError } from '../../shared/errors'
import { isIntactChain, type Adoption } from '../evidence/custodyLog'
import { incidentState } from '../evidence/incidentStore'
import { eachInTurns, nextTurn } from '../nextTurn'
import type { Store } from '../store/records'

const subjectOf: Record<string, CustodySubject> = { incidents: 'incident', files: 'file' }
const conflict = (what: string) => new SestraError('BUNDLE_CONFLICT', what)

/** Tables an import must never change for evidence the vault already holds, whatever the merge preference. */
export const evidenceTables = new Set(['incidents', 'incident_people', 'incident_contacts', 'incident_files'])

type Row = Record<string, unknown>

/**
 * The evidence in a bundle, held against the vault's own. An incoming chain
 * is recomputed as soon as `records/custody.json` is read, before anything is
 * staged or written. Evidence the vault already has must arrive unchanged:
 * the same bytes, the same chain, no new attachments or links; otherwise the
 * bundle is refused whole. An import never appends to or replaces a chain;
 * a chain for a record new to this vault is adopted with a head of its own.
 * A bundle older than custody logs (no `records/custody.json` at all) is
 * still accepted, its new records starting their chains here.
 */
/** Chains whose heads are signed between two turns of the event loop (a signature takes about 0.1 ms). */
const signedAtOnce = 32

export class IncomingEvidence {
  readonly #store: Store
  /** Chains of records this vault does not have yet, by `type:id`. */
  readonly #adopted = new Map<string, CustodyEntry[]>()
  /** Chains the vault already holds identically. */
  readonly #known = new Set<string>()
  readonly #inBundle = new Set<string>()
  /** Records new to the vault from a bundle made before custody logs existed: they get a first entry here. */
  readonly #unlogged: string[] = []
  /** The adopted chains with their signed heads, made in `finish`. */
  #signed: Adoption[] = []
  #hasCustody = false

  constructor(store: Store) {
    this.#store = store
  }

  /** Called with every `records/<table>.json` as it is read (after the row checks). */
  async take(table: string, rows: unknown[]): Promise<void> {
    const subject = subjectOf[table]
    if (subject) for (const row of rows as Row[]) this.#inBundle.add(`${subject}:${String(row.id)}`)
    if (table === 'files') await eachInTurns(rows as Row[], (row) => this.#checkFile(row))
    if (table === 'custody') {
      this.#hasCustody = true
      await this.#takeChains(rows as Row[])
    }
    if (evidenceTables.has(table) && table !== 'incidents') await eachInTurns(rows as Row[], (row) => this.#checkLink(table, row))
  }

  /** Once every record is read: each chain belongs to a record, and each new record brings its chain. */
  async finish(): Promise<void> {
    for (const key of this.#adopted.keys()) {
      if (!this.#inBundle.has(key)) throw new SestraError('BUNDLE_INVALID', `custody of ${key.replace(':', ' ')} without its record`)
    }
    for (const key of this.#inBundle) {
      if (this.#adopted.has(key) || this.#known.has(key) || this.#exists(key)) continue
      if (this.#hasCustody) throw new SestraError('BUNDLE_INVALID', `${key.replace(':', ' ')} without its custody log`)
      this.#unlogged.push(key)
    }
    // Signed a few at a time, the event loop served between: a restore may bring thousands of chains.
    const chains = [...this.#adopted.values()]
    for (let at = 0; at < chains.length; at += signedAtOnce) {
      if (at > 0) await nextTurn()
      for (const entries of chains.slice(at, at + signedAtOnce)) this.#signed.push(this.#store.custody.toAdopt(entries))
    }
  }

  /** The import's commit, a step at a time: each new chain with the head this vault signed for it in `finish`, then a first entry for each record that came without a log. */
  *writes(): Generator<() => void> {
    for (const adoption of this.#signed) yield () => this.#store.custody.adopt(adoption)
    for (const key of this.#unlogged) yield () => this.#startChain(key)
  }

  /** How many custody entries `writes` adds. */
  get entries(): number {
    return [...this.#adopted.values()].reduce((sum, entries) => sum + entries.length, 0) + this.#unlogged.length
  }

  /** A first entry marked as backfilled, as migration 004 gave records older than custody logs. */
  #startChain(key: string): void {
    const [type, id] = key.split(':') as [CustodySubject, string]
    const mark = { backfilled: true, imported: true }
    if (type === 'file') {
      const { name, size, sha256, mime, modifiedAt, createdAt } = this.#store.files.get(id)
      this.#store.custody.append('file', id, 'intake', { ...mark, name, size, sha256, mime, modifiedAt }, new Date(createdAt))
    } else {
      const incident = this.#store.incidents.get(id)
      const at = new Date(incident.createdAt)
      this.#store.custody.append('incident', id, 'created', { ...mark, fields: incidentState(incident) }, at)
      for (const fileId of incident.fileIds) this.#store.custody.append('incident', id, 'file_attached', { ...mark, fileId }, at)
    }
  }

  #exists(key: string): boolean {
    const [type, id] = key.split(':') as [CustodySubject, string]
    if (type === 'file') return this.#store.fileTransfer.hasFile(id)
    try {
      this.#store.incidents.get(id)
      return true
    } catch {
      return false
    }
  }

  #checkFile(row: Row): void {
    const id = String(row.id)
    if (!this.#store.fileTransfer.hasFile(id)) return
    const local = this.#store.files.get(id)
    if (local.sha256 !== row.sha256 || local.size !== row.size) throw conflict(`file ${id}: other bytes`)
  }

  async #takeChains(rows: Row[]): Promise<void> {
    const chains = new Map<string, CustodyEntry[]>()
    for (const row of rows) {
      const entry: CustodyEntry = {
        subjectType: row.subject_type as CustodySubject,
        subjectId: String(row.subject_id),
        position: Number(row.position),
        at: String(row.at),
        action: row.action as CustodyEntry['action'],
        detail: JSON.parse(String(row.detail)) as Record<string, unknown>,
        prevHash: row.prev_hash === null ? null : String(row.prev_hash),
        hash: String(row.hash),
      }
      const key = `${entry.subjectType}:${entry.subjectId}`
      chains.set(key, [...(chains.get(key) ?? []), entry])
    }
    await eachInTurns(chains, ([key, entries]) => {
      entries.sort((a, b) => a.position - b.position)
      if (!isIntactChain(entries)) throw new SestraError('BUNDLE_INVALID', `custody of ${key.replace(':', ' ')}`)
      const [type, id] = key.split(':') as [CustodySubject, string]
      const local = this.#store.custody.entries(type, id)
      if (local.length === 0 && !this.#exists(key)) this.#adopted.set(key, entries)
      else if (local.length === entries.length && local.every((e, i) => e.hash === entries[i]!.hash)) this.#known.add(key)
      else throw conflict(`${type} ${id}: another custody log`)
    })
  }

  /** A link row for an incident the vault holds must be one the vault holds too. */
  #checkLink(table: string, row: Row): void {
    const id = String(row.incident_id)
    if (!this.#exists(`incident:${id}`)) return
    const incident = this.#store.incidents.get(id)
    const held =
      table === 'incident_files'
        ? incident.fileIds.includes(String(row.file_id))
        : table === 'incident_people'
          ? incident.personIds.includes(String(row.person_id))
          : (row.role === 'witness' ? incident.witnessContactIds : incident.perpetratorContactIds).includes(String(row.contact_id))
    if (!held) throw conflict(`incident ${id}: new links`)
  }
}
