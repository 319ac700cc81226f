import { localToday } from '../shared/calendarDates'
import { expiringDocuments } from './store/documentQueries'
import type { Store } from './store/records'

/** The nearest threshold of the expiry overview: expired, or expiring within 30 days. */
export const attentionDays = 30

/** Whether anything in the vault needs attention soon; the count is never shown outside the app. */
export function documentsNeedAttention(store: Store, today = localToday()): boolean {
  return expiringDocuments(store, { withinDays: attentionDays, today, limit: 1, offset: 0 }).total > 0
}
