import { z } from 'zod'
import { calendarDate, longText, shortText } from './common'

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

export const severities = ['low', 'medium', 'high', 'critical'] as const

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
  url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  perpetrators: longText.default(''),
  witnesses: longText.default(''),
  description: longText.default(''),
  severity: z.enum(severities).default('medium'),
})

export type IncidentInput = z.input<typeof incidentInput>
export type IncidentFields = z.output<typeof incidentInput>
