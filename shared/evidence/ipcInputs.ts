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

/**
 * Both paths come from the save dialog in main, after the warning that the
 * copy is not protected; the export refuses relative paths and existing files.
 */
export const exportReportInput = reportRequest.extend({
  pdfPath: z.string().min(1).max(4096),
  manifestPath: z.string().min(1).max(4096),
})
