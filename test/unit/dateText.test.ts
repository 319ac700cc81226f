import { describe, expect, it } from 'vitest'
import { formatDateText, parseDateText } from '../../renderer/components/dateText'

describe('date fields follow the UI language, not the OS', () => {
  it('Russian writes dd.mm.yyyy, English ISO; each reads back to the same day', () => {
    expect(formatDateText('2028-06-10', 'ru')).toBe('10.06.2028')
    expect(formatDateText('2028-06-10', 'en')).toBe('2028-06-10')
    for (const language of ['en', 'ru'] as const) {
      expect(parseDateText(formatDateText('2028-02-29', language), language)).toBe('2028-02-29')
    }
  })

  it('reads the day-first pattern only in Russian, ISO in both, short day and month numbers too', () => {
    expect(parseDateText('10.06.2028', 'ru')).toBe('2028-06-10')
    expect(parseDateText(' 1.6.2028 ', 'ru')).toBe('2028-06-01')
    expect(parseDateText('01/06/2028', 'ru')).toBe('2028-06-01')
    expect(parseDateText('2028-06-10', 'ru')).toBe('2028-06-10')
    // 06.10.2028 is 6 October to a Russian reader and June 10th to an American one: English takes ISO only.
    expect(parseDateText('06.10.2028', 'en')).toBeNull()
    expect(parseDateText('2028-6-1', 'en')).toBe('2028-06-01')
  })

  it('refuses days that do not exist and text that is no date', () => {
    for (const text of ['31.02.2027', '29.02.2027', '00.01.2027', '01.13.2027', '2027-02-30', '', 'tomorrow', '10.06.28', '0999-01-01', '2027-01-01T00:00']) {
      expect(parseDateText(text, 'ru'), text).toBeNull()
    }
    expect(parseDateText('29.02.2028', 'ru')).toBe('2028-02-29')
  })
})
