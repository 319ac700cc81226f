import { z } from 'zod'
import { calendarDate, longText, patchSchema, recordId, shortText, type Stored } from './common'

export const incidentKinds = [
  'threat',
  'online_harassment',
  'publication_doxxing',
  'call_to_violence',
  'police_action',
  'planted_drugs',
  'detention',
  'physical_attack',
  'service_discrimination',
  'other',
] as const
export type IncidentKind = (typeof incidentKinds)[number]

export const severities = ['low', 'medium', 'high', 'critical'] as const
export type Severity = (typeof severities)[number]

export const incidentInput = z.object({
  title: shortText.min(1),
  kind: z.enum(incidentKinds),
  occurredOn: calendarDate,
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .nullable()
    .default(null),
  timeZone: shortText.nullable().default(null),
  place: shortText.default(''),
  // Where online: the site or app ("VK", "Telegram channel"), beside the URL.
  platform: shortText.default(''),
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  perpetrators: longText.default(''),
  witnesses: longText.default(''),
  description: longText.default(''),
  severity: z.enum(severities).default('medium'),
  campaignId: recordId.nullable().default(null),
})

export type IncidentFields = z.output<typeof incidentInput>

const ids = z.array(recordId).max(500)

/** Who and what an incident points to; kept in join tables, changes logged in its custody chain. */
export const incidentLinksInput = z.object({
  personIds: ids.default([]),
  perpetratorContactIds: ids.default([]),
  witnessContactIds: ids.default([]),
  fileIds: ids.default([]),
})

export type IncidentLinks = z.output<typeof incidentLinksInput>

export const incidentCreateInput = incidentInput.extend(incidentLinksInput.shape)
export type IncidentCreateInput = z.input<typeof incidentCreateInput>

export const incidentPatchInput = patchSchema(incidentInput.extend(incidentLinksInput.shape))
export type IncidentPatchInput = z.input<typeof incidentPatchInput>

export type Incident = Stored<IncidentFields> & IncidentLinks

/** The timeline's filters; every one optional, all combined with AND. */
export const incidentFilter = z.object({
  campaignId: recordId.optional(),
  personId: recordId.optional(),
  contactId: recordId.optional(),
  kinds: z.array(z.enum(incidentKinds)).max(incidentKinds.length).optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
})

export type IncidentFilter = z.output<typeof incidentFilter>
