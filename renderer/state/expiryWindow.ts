import { daysBetween } from '../../shared/calendarDates'
import type { ExpiryWindow } from '../../shared/expiry'
import { nextCampaignHorizon, type TravelNeed } from '../../shared/travelNeeds'
import { useSeizure } from './seizure'

const fixedDays: Record<Exclude<ExpiryWindow, 'nextCampaign'>, number> = { days90: 90, days180: 180, days365: 365 }
const fallbackDays = 180
const maxDays = 3650

/** The chosen window, from the settings beside the vault (a preference, no vault content), so it outlives the app. */
export async function storedExpiryWindow(): Promise<ExpiryWindow> {
  if (useSeizure.getState().settings === null) await useSeizure.getState().load()
  return useSeizure.getState().settings?.expiryWindow ?? 'days180'
}

export async function storeExpiryWindow(window: ExpiryWindow): Promise<void> {
  if (useSeizure.getState().settings === null) await useSeizure.getState().load()
  await useSeizure.getState().update({ expiryWindow: window })
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
