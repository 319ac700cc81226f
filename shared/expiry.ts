import { z } from 'zod'
import { addDays, daysBetween } from './calendarDates'
import { calendarDate, recordId } from './domain/common'
import { documentKinds } from './domain/travelDocument'

/** The overview's bands: expired, then within 30, 90 and 180 days. */
export type ExpiryBand = 'expired' | 'within30' | 'within90' | 'within180' | 'later'

export interface ExpiryState {
  /** Negative once expired; 0 on the last valid day. */
  daysLeft: number
  band: ExpiryBand
}

/** A document is still valid on its `validUntil` day and expired the day after. */
export function expiryState(validUntil: string, today: string): ExpiryState {
  const daysLeft = daysBetween(today, validUntil)
  const band: ExpiryBand =
    daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'within30' : daysLeft <= 90 ? 'within90' : daysLeft <= 180 ? 'within180' : 'later'
  return { daysLeft, band }
}

/** How far ahead the expiry overview looks; "next campaign" is its end plus its passport margin. */
export const expiryWindows = ['nextCampaign', 'days90', 'days180', 'days365'] as const
export type ExpiryWindow = (typeof expiryWindows)[number]

/** The last `validUntil` a document may have and still be listed. */
export const expiryHorizon = (today: string, withinDays: number) => addDays(today, withinDays)

export const expiringQuery = z.object({
  /** Expired documents are always included; this reaches forward from today. */
  withinDays: z.number().int().min(0).max(3650).default(180),
  personId: recordId.optional(),
  kind: z.enum(documentKinds).optional(),
  /** The user's calendar day; the caller's local date when absent. */
  today: calendarDate.optional(),
  limit: z.number().int().min(1).max(1000).default(500),
  offset: z.number().int().min(0).default(0),
})

export type ExpiringQuery = z.input<typeof expiringQuery>
