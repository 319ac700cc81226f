import { z } from 'zod'
import { addDays, addMonths } from './calendarDates'
import { calendarDate } from './domain/common'
import type { TravelDocumentFields } from './domain/travelDocument'

/**
 * What an upcoming campaign asks of one traveller's documents: the same
 * end-plus-margin dates the checklist checks, so the family page and the
 * expiry overview never call a passport "valid" that the checklist fails.
 */
export interface TravelNeed {
  personId: string
  campaignId: string
  title: string
  endDate: string
  passportUntil: string
  visaUntil: string
  /** The latest expiry among the traveller's passports; null when none has one. */
  latestPassport: string | null
}

export const travelNeedsInput = z.object({ today: calendarDate.optional() })

/** One row per campaign and traveller (participant or a participant's child), soonest end first. */
export function travelNeed(row: {
  personId: string
  campaignId: string
  title: string
  endDate: string
  passportMarginMonths: number
  visaMarginDays: number
  latestPassport: string | null
}): TravelNeed {
  const { personId, campaignId, title, endDate, latestPassport } = row
  return {
    personId,
    campaignId,
    title,
    endDate,
    latestPassport,
    passportUntil: addMonths(endDate, row.passportMarginMonths),
    visaUntil: addDays(endDate, row.visaMarginDays),
  }
}

type Document = Pick<TravelDocumentFields, 'personId' | 'kind' | 'validUntil' | 'neededForTravel'>

export interface Shortfall {
  campaign: string
  /** The day the document would have to last to. */
  required: string
}

/**
 * The first upcoming campaign (by end date) this document is too short for.
 * A passport falls short only when none of the holder's passports lasts, as
 * the checklist lets a dual citizen travel on either; visas count only when
 * marked as needed for travel. Expired or undated documents say so already.
 */
export function documentShortfall(document: Document, needs: readonly TravelNeed[], today: string): Shortfall | null {
  const until = document.validUntil
  if (until === null || until < today) return null
  for (const need of needs) {
    if (need.personId !== document.personId) continue
    const required =
      document.kind === 'passport'
        ? (need.latestPassport ?? '') < need.passportUntil && need.passportUntil
        : document.kind === 'visa' && document.neededForTravel && need.visaUntil
    if (required && until < required) return { campaign: need.title, required }
  }
  return null
}

/** The last day the "next campaign" expiry window reaches: the soonest-ending campaign's end plus its passport margin. */
export function nextCampaignHorizon(needs: readonly TravelNeed[]): string | null {
  return needs[0]?.passportUntil ?? null
}
