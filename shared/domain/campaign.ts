import { z } from 'zod'
import { calendarDate, longText, shortText } from './common'

export const campaignTask = z.object({
  title: shortText.min(1),
  owner: shortText.default(''),
  dueDate: calendarDate.nullable().default(null),
  done: z.boolean().default(false),
})

export type CampaignTask = z.output<typeof campaignTask>

export const campaignStatuses = ['planning', 'active', 'finished', 'cancelled'] as const

// Without the cross-field check, so patches can be partial (zod refuses .partial() on refined objects).
export const campaignFields = z.object({
  title: shortText.min(1),
  startDate: calendarDate.nullable().default(null),
  endDate: calendarDate.nullable().default(null),
  goals: longText.default(''),
  notes: longText.default(''),
  status: z.enum(campaignStatuses).default('planning'),
  // Passports must stay valid this long after the end: many borders ask for six months.
  passportMarginMonths: z.number().int().min(0).max(60).default(6),
  // A visa only has to carry the holder out: a shorter margin, in days.
  visaMarginDays: z.number().int().min(0).max(3650).default(30),
  warningDays: z.number().int().min(0).max(365).default(14),
  // Who answers press questions; allies and journalists are told this name.
  pressContact: shortText.default(''),
  tasks: z.array(campaignTask).max(500).default([]),
})

export const campaignInput = campaignFields.refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, {
  message: 'the campaign ends before it starts',
  path: ['endDate'],
})

export type CampaignInput = z.input<typeof campaignInput>
export type CampaignFields = z.output<typeof campaignInput>
