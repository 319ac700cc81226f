import type { TFunction } from 'i18next'
import { formatCalendarDate } from '../../i18n/calendarFormat'

export function campaignDates(t: TFunction, start: string | null, end: string | null): string {
  if (!start && !end) return t('campaigns.noDates')
  return t('campaigns.dates', { start: start ? formatCalendarDate(start) : '…', end: end ? formatCalendarDate(end) : '…' })
}
