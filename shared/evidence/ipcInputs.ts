import { z } from 'zod'
import { recordId } from '../domain/common'
import { custodySubjects, reportRequest } from '../domain/custody'
import { incidentFilter, incidentPatchInput } from '../domain/incident'

const page = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
}

/** The timeline: filters plus a page. */
export const listIncidentsInput = incidentFilter.extend(page)

export const updateIncidentInput = z.object({ id: recordId, patch: incidentPatchInput })

export const custodyLogInput = z.object({ subjectType: z.enum(custodySubjects), id: recordId })

export const listFilesInput = z.object(page)

/** No paths: main asks the save dialog, after the UI has shown the warning that the copy is not protected. */
export const exportReportInput = reportRequest

/** The files come from the open dialog in main; attached to the incident once all are in. */
export const importFilesInput = z.object({ incidentId: recordId.optional() })

export const saveFileCopyInput = z.object({ id: recordId })

/** A background job was started; null when the person cancelled the dialog. */
export type JobStarted = { jobId: string } | null

/** What an import job finishes with: the new files, in the order chosen. */
export interface ImportResult {
  fileIds: string[]
  /** The originals still on disk, named only by a one-time token main keeps the paths for. */
  originals?: { token: string; count: number }
}

export const deleteOriginalsInput = z.object({ token: z.uuid() })

/** What a "save a copy" job finishes with. */
export interface SaveCopyResult {
  path: string
  size: number
  sha256: string
}
