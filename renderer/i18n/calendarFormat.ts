import i18n from 'i18next'
import type { Message } from '../../shared/readiness/messages'
import { formatMessage } from '../../shared/readiness/messages'
import { currentLanguage } from '.'

/*
 * Calendar dates (YYYY-MM-DD) in the UI language. They are days, not
 * instants: formatted in UTC so no time zone can move them to the day before.
 */

export function formatCalendarDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

/** "in 12 days", "yesterday", "через 12 дней": the locale does the plurals. */
export function formatCountdown(daysLeft: number): string {
  return new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' }).format(daysLeft, 'day')
}

/** A readiness message in the UI language, its dates in the locale. */
export const readinessText = (message: Message) =>
  formatMessage(message, currentLanguage(), { formatDate: formatCalendarDate })
