import { describe, expect, it } from 'vitest'
import { expiryState } from '../../shared/expiry'

describe('expiry state', () => {
  it('a document is valid through its last day and expired the day after', () => {
    expect(expiryState('2026-12-10', '2026-12-10')).toEqual({ daysLeft: 0, band: 'within30' })
    expect(expiryState('2026-12-10', '2026-12-11')).toEqual({ daysLeft: -1, band: 'expired' })
  })

  it('puts each document in the first band that holds it', () => {
    const today = '2026-01-01'
    expect(expiryState('2026-01-31', today)).toEqual({ daysLeft: 30, band: 'within30' })
    expect(expiryState('2026-02-01', today)).toEqual({ daysLeft: 31, band: 'within90' })
    expect(expiryState('2026-04-01', today)).toEqual({ daysLeft: 90, band: 'within90' })
    expect(expiryState('2026-04-02', today)).toEqual({ daysLeft: 91, band: 'within180' })
    expect(expiryState('2026-06-30', today)).toEqual({ daysLeft: 180, band: 'within180' })
    expect(expiryState('2026-07-01', today)).toEqual({ daysLeft: 181, band: 'later' })
  })

  it('counts the leap day', () => {
    expect(expiryState('2028-03-01', '2028-02-28').daysLeft).toBe(2)
    expect(expiryState('2027-03-01', '2027-02-28').daysLeft).toBe(1)
  })
})
