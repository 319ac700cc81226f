import { describe, expect, it } from 'vitest'
import { PassphraseThrottle } from '../../main/vault/throttle'

describe('passphrase throttle', () => {
  it('waits longer after each wrong passphrase and resets on success', async () => {
    const waits: number[] = []
    const throttle = new PassphraseThrottle({ baseMs: 100, maxMs: 350, sleep: async (ms) => void waits.push(ms) })
    const wrong = () => Promise.reject(Object.assign(new Error('x'), { code: 'WRONG' }))
    const isWrong = (e: unknown) => (e as { code?: string }).code === 'WRONG'
    for (let i = 0; i < 4; i++) await expect(throttle.attempt(wrong, isWrong)).rejects.toThrow()
    expect(waits).toEqual([100, 200, 350])
    await throttle.attempt(async () => 'ok', isWrong)
    expect(throttle.delayMs()).toBe(0)
    expect(waits).toEqual([100, 200, 350, 350])
  })

  it('does not count other failures as guesses', async () => {
    const throttle = new PassphraseThrottle({ sleep: async () => {} })
    await expect(throttle.attempt(() => Promise.reject(new Error('disk')), () => false)).rejects.toThrow('disk')
    expect(throttle.failures).toBe(0)
  })
})
