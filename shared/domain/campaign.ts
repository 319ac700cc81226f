import { z } from 'zod'
import { calendarDate, longText, shortText } from './common'

export const campaignStatuses = ['planning', 'active', 'finished', 'cancelled'] as const

export const campaignInput = z
  .object({
    title: shortText.min(1),
    startDate: calendarDate.nullable().default(null),
    endDate: calendarDate.nullable().default(null),
    goals: longText.default(''),
    notes: longText.default(''),
    status: z.enum(campaignStatuses).default('planning'),
  })
  .refine((c) => !c.startDate || !c.endDate || c.startDate <= c.endDate, {
    message: 'the campaign ends before it starts',
    path: ['endDate'],
  })

export type CampaignInput = z.input<typeof campaignInput>
export type CampaignFields = z.output<typeof campaignInput>
