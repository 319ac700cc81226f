import { z } from 'zod'
import { calendarDate, longText, recordId, shortText } from './common'

export const documentKinds = ['passport', 'national_id', 'visa', 'residence_permit'] as const
export const visaEntries = ['single', 'double', 'multiple'] as const

// Without the cross-field check, so patches can be partial (zod refuses .partial() on refined objects).
export const travelDocumentFields = z.object({
  personId: recordId,
  kind: z.enum(documentKinds),
  // An ISO country code or a zone such as "Schengen".
  issuingCountry: shortText.min(2).max(64),
  number: shortText.default(''),
  validFrom: calendarDate.nullable().default(null),
  validUntil: calendarDate.nullable().default(null),
  entries: z.enum(visaEntries).nullable().default(null),
  visaType: shortText.default(''),
  // A visa the family would need to leave: readiness checks it against the campaign.
  neededForTravel: z.boolean().default(false),
  notes: longText.default(''),
})

export const travelDocumentInput = travelDocumentFields.refine((d) => !d.validFrom || !d.validUntil || d.validFrom <= d.validUntil, {
  message: 'the document expires before it becomes valid',
  path: ['validUntil'],
})

export type TravelDocumentInput = z.input<typeof travelDocumentInput>
export type TravelDocumentFields = z.output<typeof travelDocumentInput>
