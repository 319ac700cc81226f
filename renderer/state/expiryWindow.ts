import { daysBetween } from '../../shared/calendarDates'
import { nextCampaignHorizon, type TravelNeed } from '../../shared/travelNeeds'

/** How far ahead the expiry overview looks. */
export const expiryWindows = ['nextCampaign', 'days90', 'days180', 'days365'] as const
export type ExpiryWindow = (typeof expiryWindows)[number]

const fixedDays: Record<Exclude<ExpiryWindow, 'nextCampaign'>, number> = { days90: 90, days180: 180, days365: 365 }
const fallbackDays = 180
const maxDays = 3650
// A view preference like the UI language, kept beside it: it says nothing about the vault's content.
const storageKey = 'sestra.expiryWindow'

export function storedExpiryWindow(): ExpiryWindow {
  const stored = localStorage.getItem(storageKey)
  return (expiryWindows as readonly string[]).includes(stored ?? '') ? (stored as ExpiryWindow) : 'days180'
}

export function storeExpiryWindow(window: ExpiryWindow): void {
  localStorage.setItem(storageKey, window)
}

/**
 * The days from today the window reaches; "next campaign" means its end plus
 * its passport margin, and falls back to 180 days (said so) when no campaign is coming.
 */
export function windowDays(window: ExpiryWindow, needs: readonly TravelNeed[], today: string): { days: number; noCampaign: boolean } {
  if (window !== 'nextCampaign') return { days: fixedDays[window], noCampaign: false }
  const horizon = nextCampaignHorizon(needs)
  if (horizon === null) return { days: fallbackDays, noCampaign: true }
  return { days: Math.min(maxDays, Math.max(0, daysBetween(today, horizon))), noCampaign: false }
}
