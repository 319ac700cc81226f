import { z } from 'zod'
import { longText, recordId } from './common'
import { incidentFilter } from './incident'

export const custodySubjects = ['incident', 'file'] as const
export type CustodySubject = (typeof custodySubjects)[number]

/**
 * What can happen to evidence. An incident's chain starts with `created`, a
 * file's with `intake`; nothing is ever rewritten, only appended.
 */
export const custodyActions = [
  'created',
  'intake',
  'edited',
  'annotated',
  'file_attached',
  'file_detached',
  'attached',
  'detached',
  'exported',
] as const
export type CustodyAction = (typeof custodyActions)[number]

export interface CustodyEntry {
  subjectType: CustodySubject
  subjectId: string
  position: number
  at: string
  action: CustodyAction
  detail: Record<string, unknown>
  /** SHA-256 (hex) of the previous entry of the same chain; null for the first. */
  prevHash: string | null
  hash: string
}

export const annotationInput = z.object({ id: recordId, text: longText.trim().min(1) })

export const verifyProblemKinds = [
  /** The bytes no longer hash to what was recorded. */
  'file_content',
  /** The file row's name, size, hash, type or times differ from its intake entry. */
  'file_record',
  'custody_missing',
  'custody_hash',
  'custody_link',
  'custody_order',
  'custody_unreadable',
  /** A chain whose incident or file no longer exists. */
  'custody_orphan',
  /** The chain is not what its head records (an entry removed from its end, or the head changed). */
  'custody_head',
  /** A chain without its head: written outside the app. */
  'custody_head_missing',
  /** The head's signature is not this vault's over that head. */
  'custody_signature',
  /** Damage (a page failing its check) makes this record unreadable. */
  'record_unreadable',
  /** The incident's current fields or files differ from what its chain says. */
  'incident_state',
] as const
export type VerifyProblemKind = (typeof verifyProblemKinds)[number]

/** An incident or file; 'record' is a row of any other table, named by table and key. */
export type VerifyRecordType = CustodySubject | 'record'

export interface VerifyProblem {
  kind: VerifyProblemKind
  recordType: VerifyRecordType
  recordId: string
  /** The file name or incident title (the table, for a 'record'), so a person can find the record. */
  label: string | null
  /** Which custody entry, when the problem is in a chain. */
  position: number | null
  expected: string | null
  actual: string | null
}

export interface VerifyReport {
  problems: VerifyProblem[]
  files: number
  bytes: number
  chains: number
  entries: number
}

export const reportLanguages = ['en', 'ru'] as const
export type ReportLanguage = (typeof reportLanguages)[number]

/** Which incidents go into a report, and for whom. */
export const reportRequest = z.object({
  filter: incidentFilter.default({}),
  language: z.enum(reportLanguages).default('en'),
  /** "To whom" in the custody log: a lawyer, an organisation. */
  recipient: z.string().trim().max(500).default(''),
})

export type ReportRequest = z.input<typeof reportRequest>

export interface ReportResult {
  pdfPath: string
  manifestPath: string
  /** The manifest's SSH signature (namespace `sestra-report`), beside it: `<manifest>.sig`. */
  signaturePath: string
  pdfSha256: string
  manifestSha256: string
  incidents: number
  files: number
}
