import { describe, expect, it } from 'vitest'
import { pollScreenLock, type IdleState } from '../../../main/shell/screenLockPoll'

/** A clock that runs the poll's interval only when told to. */
function fakeClock() {
  const timers: { callback: () => void; ms: number }[] = []
  return {
    setInterval: (callback: () => void, ms: number) => timers.push({ callback, ms }),
    tick: () => timers.forEach((t) => t.callback()),
    timers,
  }
}

function poll(states: (IdleState | Error)[]) {
  const clock = fakeClock()
  let locks = 0
  let i = 0
  pollScreenLock({
    idleState: () => {
      const state = states[Math.min(i++, states.length - 1)]
      if (state instanceof Error) throw state
      return state as IdleState
    },
    onLocked: () => locks++,
    everyMs: 3_000,
    setInterval: clock.setInterval,
  })
  for (let n = 0; n < states.length; n++) clock.tick()
  return { locks, clock }
}

describe('polling the session for a screen lock', () => {
  it('asks every few seconds', () => {
    expect(poll(['active']).clock.timers.map((t) => t.ms)).toEqual([3_000])
  })

  it('locks once when the session becomes locked, not at every poll while it stays locked', () => {
    expect(poll(['active', 'idle', 'locked', 'locked', 'locked']).locks).toBe(1)
  })

  it('locks again at the next screen lock after an unlock', () => {
    expect(poll(['locked', 'locked', 'active', 'idle', 'locked']).locks).toBe(2)
  })

  it('never locks where the system cannot tell (unknown) or is merely idle', () => {
    expect(poll(['unknown', 'idle', 'active', 'unknown']).locks).toBe(0)
  })

  it('takes a failing query as unknown and keeps polling', () => {
    expect(poll([new Error('no D-Bus'), 'locked']).locks).toBe(1)
  })
})
