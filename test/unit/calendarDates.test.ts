import { afterEach, describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, localToday } from '../../shared/calendarDates'

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

describe('calendar dates', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29')
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-12-10', 6)).toBe('2027-06-10')
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonths('2026-05-20', 0)).toBe('2026-05-20')
  })

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-12-10', 30)).toBe('2027-01-09')
  })

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2026-11-25', '2026-12-10')).toBe(15)
    expect(daysBetween('2026-12-10', '2026-11-25')).toBe(-15)
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365)
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366)
  })

  it('gives the same answers whatever the process time zone', () => {
    const compute = () => [
      addMonths('2026-08-31', 6),
      addDays('2026-03-28', 2), // Europe's clocks change overnight
      daysBetween('2026-03-28', '2026-10-26'),
      daysBetween('2026-10-24', '2026-10-26'),
    ]
    process.env.TZ = 'UTC'
    const reference = compute()
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Bishkek', 'Europe/Kyiv', 'America/St_Johns']) {
      process.env.TZ = zone
      expect(compute()).toEqual(reference)
    }
  })

  it("today is the user's wall-calendar day", () => {
    const instant = new Date('2026-11-24T20:30:00Z')
    process.env.TZ = 'Asia/Bishkek' // UTC+6: already the 25th
    expect(localToday(instant)).toBe('2026-11-25')
    process.env.TZ = 'Europe/Kyiv' // UTC+2: still the 24th
    expect(localToday(instant)).toBe('2026-11-24')
  })
})
