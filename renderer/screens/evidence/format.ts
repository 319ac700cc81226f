import i18n from 'i18next'
import type { Incident } from '../../../shared/domain/incident'
import { formatCalendarDate } from '../../i18n/calendarFormat'

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** "1.5 MB", "1,5 МБ": the locale names the unit. */
export function formatBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(i18n.language, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** The day it happened, with the time and zone as recorded (not converted: that is what the witness said). */
export function formatOccurred(incident: Pick<Incident, 'occurredOn' | 'occurredTime' | 'timeZone'>): string {
  return [formatCalendarDate(incident.occurredOn), incident.occurredTime, incident.timeZone].filter(Boolean).join(' ')
}

/** Enough of a SHA-256 to compare by eye; the full value is in the report. */
export const hashPrefix = (hash: string) => hash.slice(0, 12)

export const vaultFileUrl = (id: string) => `/vault-files/${id}`
