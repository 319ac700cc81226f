/**
 * Arithmetic on calendar dates (YYYY-MM-DD). A passport expires on a day, not
 * at an instant, so nothing here goes through local time: the same inputs
 * give the same answer in Bishkek, Kyiv and on a laptop set to UTC.
 */

const msPerDay = 86_400_000

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number]
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const format = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Days since 1970-01-01; UTC midnight is only a counting device here. */
function dayNumber(date: string): number {
  const [y, m, d] = parts(date)
  return Date.UTC(y, m - 1, d) / msPerDay
}

function fromDayNumber(day: number): string {
  const date = new Date(day * msPerDay)
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days)
}

/**
 * Same day `months` later; a day the target month lacks becomes its last day
 * (2026-08-31 + 6 months = 2027-02-28, 2028-02-29 + 12 months = 2029-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  return format(year, month, Math.min(d, daysInMonth(year, month)))
}

/** Whole days from `from` to `to`: negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/**
 * The user's today: the one place where local time is right, because "today"
 * is the day on the wall calendar where the user is.
 */
export function localToday(now: Date = new Date()): string {
  return format(now.getFullYear(), now.getMonth() + 1, now.getDate())
}
