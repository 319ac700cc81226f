import { daysInMonth } from '../../shared/calendarDates'
import type { Language } from '../../shared/errors'

/**
 * Date fields as text in the UI language's own pattern, never the OS
 * locale's: Electron's date picker follows the OS, so a Russian UI on an
 * English system would show mm/dd/yyyy. English uses ISO, which no reader
 * can take for another day; Russian the dd.mm.yyyy every form there uses.
 */
export const datePlaceholder: Record<Language, string> = { en: 'yyyy-mm-dd', ru: 'дд.мм.гггг' }

const pad = (n: number) => String(n).padStart(2, '0')

/** YYYY-MM-DD as the UI language writes it. */
export function formatDateText(iso: string, language: Language): string {
  const [y, m, d] = iso.split('-')
  return language === 'ru' ? `${d}.${m}.${y}` : iso
}

const isoPattern = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const dayFirstPattern = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/

/**
 * The calendar day the text names, as YYYY-MM-DD, or null when it names none
 * (31.02.2027 is no day). ISO is understood in every language, so a pasted
 * date works; the day-first pattern only in Russian, where it is unambiguous.
 */
export function parseDateText(text: string, language: Language): string | null {
  const trimmed = text.trim()
  const iso = isoPattern.exec(trimmed)
  const dayFirst = language === 'ru' ? dayFirstPattern.exec(trimmed) : null
  const parts = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : null
  if (!parts) return null
  const [year, month, day] = parts.map(Number) as [number, number, number]
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(day)}`
}
