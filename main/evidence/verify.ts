import type { CustodyEntry, VerifyProblem, VerifyReport } from '../../shared/domain/custody'
import { SestraError } from '../../shared/errors'
import type { Store } from '../store/records'
import { incidentState } from './incidentStore'

/**
 * Recomputes the SHA-256 of every stored file (streaming, abortable), checks
 * every custody chain, and replays each incident's chain against its current
 * fields and attached files. Every mismatch is reported by record; nothing
 * stops at the first one.
 */
export async function verifyVault(store: Store, signal?: AbortSignal, onProgress?: (bytes: number) => void): Promise<VerifyReport> {
  const problems: VerifyProblem[] = []
  const report: VerifyReport = { problems, files: 0, bytes: 0, chains: 0, entries: 0 }
  const checked = new Set<string>()
  const chain = (subjectType: 'incident' | 'file', subjectId: string, label: string) => {
    checked.add(`${subjectType}:${subjectId}`)
    const result = store.custody.check(subjectType, subjectId, label)
    report.chains++
    report.entries += result.entries.length
    problems.push(...result.problems)
    return result.entries
  }

  for (const file of store.files.list()) {
    if (signal?.aborted) throw new SestraError('ABORTED')
    const problem = (kind: VerifyProblem['kind'], expected: string, actual: string) =>
      problems.push({ kind, recordType: 'file', recordId: file.id, label: file.name, position: null, expected, actual })
    const found = await store.files.check(file.id, signal)
    report.files++
    report.bytes += file.size
    onProgress?.(report.bytes)
    if (found !== null) problem('file_content', `${file.size} bytes, sha256 ${file.sha256}`, found)
    const intake = chain('file', file.id, file.name)[0]
    if (intake?.action === 'intake' && (intake.detail.sha256 !== file.sha256 || intake.detail.size !== file.size)) {
      problem('file_record', `${String(intake.detail.size)} bytes, sha256 ${String(intake.detail.sha256)}`, `${file.size} bytes, sha256 ${file.sha256}`)
    }
  }

  for (const id of store.incidents.ids()) {
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

  for (const { subjectType, subjectId } of store.custody.subjects()) {
    if (checked.has(`${subjectType}:${subjectId}`)) continue
    problems.push({ kind: 'custody_orphan', recordType: subjectType, recordId: subjectId, label: null, position: null, expected: null, actual: null })
  }
  return report
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
