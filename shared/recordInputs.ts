import { z } from 'zod'
import { campaignFields, campaignInput } from './domain/campaign'
import { checklistItemPatch, customChecklistItemInput } from './domain/checklistItem'
import { calendarDate, patchSchema, recordId } from './domain/common'
import { personInput } from './domain/person'
import { documentKinds, travelDocumentFields } from './domain/travelDocument'
import { searchableTypes } from './recordViews'

/*
 * Inputs for campaigns, people, documents and search: shared so the IPC
 * contract, the CLI and the data layer validate with the same rules.
 */

const participantIds = z.array(recordId).max(500)
const parentIds = z.array(recordId).max(10)
const paging = { limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }

export const createCampaignInput = campaignInput.extend({ participantIds: participantIds.default([]) })
export const updateCampaignInput = z.object({
  id: recordId,
  patch: patchSchema(campaignFields),
  /** Replaces the participants when given. */
  participantIds: participantIds.optional(),
})

export const addChecklistItemInput = customChecklistItemInput.extend({ campaignId: recordId })
export const updateChecklistItemInput = z.object({ id: recordId, patch: checklistItemPatch })

export const createPersonInput = personInput.extend({
  /** Parents this person is a child of (links of kind child_of). */
  childOf: parentIds.default([]),
})
export const updatePersonInput = z.object({
  id: recordId,
  patch: patchSchema(personInput),
  /** Replaces the parents when given. */
  childOf: parentIds.optional(),
})

export const updateDocumentInput = z.object({ id: recordId, patch: patchSchema(travelDocumentFields) })

export const listPageInput = z.object(paging)
export const listDocumentsInput = z.object({
  personId: recordId.optional(),
  kind: z.enum(documentKinds).optional(),
  ...paging,
})

export const readinessInput = z.object({
  id: recordId,
  /** The user's calendar day; the main process's local day when absent. */
  today: calendarDate.optional(),
})

export const briefingInput = z.object({
  campaignId: recordId,
  contactId: recordId,
  /** null removes the mark. */
  briefedOn: calendarDate.nullable(),
})

export const searchQuery = z.object({
  query: z.string().max(200),
  types: z.array(z.enum(searchableTypes)).max(searchableTypes.length).optional(),
  limit: z.number().int().min(1).max(200).default(50),
})
