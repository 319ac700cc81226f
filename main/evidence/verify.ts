import type { CustodyEntry, VerifyProblem, VerifyReport } from '../../shared/domain/custody'
import type { FileRecord } from '../../shared/domain/file'
import { SestraError } from '../../shared/errors'
import type { UnreadableRow } from '../store/readability'
import type { Store } from '../store/records'
import { incidentState } from './incidentStore'

/** A row the vault file cannot give back, named as a person would look for it. */
function unreadableProblem({ table, key }: UnreadableRow): VerifyProblem {
  const [type, id] = key.includes(':') ? (key.split(':') as [string, string]) : [null, key]
  const recordType = table === 'files' || type === 'file' ? 'file' : table === 'incidents' || type === 'incident' ? 'incident' : 'record'
  return { kind: 'record_unreadable', recordType, recordId: id, label: recordType === 'record' || type ? table : null, position: null, expected: null, actual: null }
}

/**
 * First reads every row of the vault on its own, so damage inside an
 * encrypted page names each record it made unreadable and stops nothing
 * else. Then recomputes the SHA-256 of every stored file (streaming,
 * abortable), checks every custody chain against its signed head, compares
 * each file with its intake entry, and replays each incident's chain against
 * its current fields and attached files. Records touched by damage are not
 * read again (that would stop the app's own connection). Every mismatch is
 * reported by record; nothing stops at the first one.
 */
export async function verifyVault(store: Store, signal?: AbortSignal, onProgress?: (bytes: number) => void): Promise<VerifyReport> {
  const problems: VerifyProblem[] = []
  const report: VerifyReport = { problems, files: 0, bytes: 0, chains: 0, entries: 0 }
  const { unreadable, keys } = await store.readability.scan(signal)
  problems.push(...unreadable.map(unreadableProblem))
  const damaged = new Set(unreadable.map((row) => row.key.split(':').at(-1)))
  const readable = (table: string) => (keys.get(table) ?? []).filter((id) => !damaged.has(id))
  const checked = new Set<string>()
  const chain = (subjectType: 'incident' | 'file', subjectId: string, label: string) => {
    checked.add(`${subjectType}:${subjectId}`)
    const result = store.custody.check(subjectType, subjectId, label)
    report.chains++
    report.entries += result.entries.length
    problems.push(...result.problems)
    return result.entries
  }

  for (const id of readable('files')) {
    if (signal?.aborted) throw new SestraError('ABORTED')
    const file = completeFile(store, id)
    if (!file) continue
    const problem = (kind: VerifyProblem['kind'], expected: string, actual: string) =>
      problems.push({ kind, recordType: 'file', recordId: file.id, label: file.name, position: null, expected, actual })
    const found = await store.files.check(file.id, signal)
    report.files++
    report.bytes += file.size
    onProgress?.(report.bytes)
    if (found !== null) problem('file_content', `${file.size} bytes, sha256 ${file.sha256}`, found)
    const intake = chain('file', file.id, file.name)[0]
    const differing = intake?.action === 'intake' ? intakeDifferences(intake, file) : []
    if (differing.length) {
      const list = (values: Record<string, unknown>) => differing.map((k) => `${k} ${JSON.stringify(values[k] ?? null)}`).join(', ')
      problem('file_record', list(intakeValues(intake!)), list(file as unknown as Record<string, unknown>))
    }
  }

  for (const id of readable('incidents')) {
    if (signal?.aborted) throw new SestraError('ABORTED')
    const incident = store.incidents.get(id)
    const entries = chain('incident', id, incident.title)
    const replayed = replay(entries)
    const current = incidentState(incident)
    const differing = Object.keys(replayed.fields).filter((k) => JSON.stringify(replayed.fields[k]) !== JSON.stringify(current[k]))
    const files = [...replayed.files].sort()
    const attached = [...incident.fileIds].sort()
    if (differing.length || JSON.stringify(files) !== JSON.stringify(attached)) {
      problems.push({
        kind: 'incident_state',
        recordType: 'incident',
        recordId: id,
        label: incident.title,
        position: null,
        expected: differing.length ? `fields as logged: ${differing.join(', ')}` : `files ${files.join(', ') || 'none'}`,
        actual: differing.length ? 'changed outside the custody log' : `files ${attached.join(', ') || 'none'}`,
      })
    }
  }

  // Finding chains without a record reads the whole log: only when no page of it is damaged.
  const custodyDamaged = unreadable.some((row) => row.table === 'custody' || row.table === 'custody_heads')
  for (const { subjectType, subjectId } of custodyDamaged ? [] : store.custody.subjects()) {
    if (checked.has(`${subjectType}:${subjectId}`)) continue
    problems.push({ kind: 'custody_orphan', recordType: subjectType, recordId: subjectId, label: null, position: null, expected: null, actual: null })
  }
  return report
}

/** The file, or null for a row an import has not finished (it is not a stored file yet). */
function completeFile(store: Store, id: string): FileRecord | null {
  try {
    return store.files.get(id)
  } catch (error) {
    if (error instanceof SestraError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/** What the intake entry says of the file, under the file record's own field names. */
function intakeValues(intake: CustodyEntry): Record<string, unknown> {
  const { name, size, sha256, mime, modifiedAt } = intake.detail
  return { name, size, sha256, mime, modifiedAt: modifiedAt ?? null, createdAt: intake.at }
}

/**
 * Fields of the file record that differ from its intake entry: nothing in the
 * app changes a stored file's name, type or times, so any difference was made
 * outside it. Chains backfilled by migration 004 were stamped at migration
 * time, not at intake, so their time is not compared.
 */
function intakeDifferences(intake: CustodyEntry, file: FileRecord): string[] {
  const logged = intakeValues(intake)
  const fields = ['name', 'size', 'sha256', 'mime', 'modifiedAt', ...(intake.detail.backfilled === true ? [] : ['createdAt'])]
  return fields.filter((k) => logged[k] !== file[k as keyof FileRecord])
}

/** The state a chain says its incident is in: the original, then every logged edit and attachment. */
function replay(entries: CustodyEntry[]): { fields: Record<string, unknown>; files: Set<string> } {
  const fields: Record<string, unknown> = {}
  const files = new Set<string>()
  for (const { action, detail } of entries) {
    if (action === 'created') Object.assign(fields, detail.fields as Record<string, unknown>)
    if (action === 'edited') {
      for (const [key, change] of Object.entries((detail.fields ?? {}) as Record<string, { new: unknown }>)) fields[key] = change.new
    }
    if (action === 'file_attached') files.add(String(detail.fileId))
    if (action === 'file_detached') files.delete(String(detail.fileId))
  }
  return { fields, files }
}
