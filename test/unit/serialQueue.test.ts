import { describe, expect, it } from 'vitest'
import { SerialQueue } from '../../main/vault/serialQueue'

describe('the vault service queue', () => {
  it('starts a task only when the one before it has ended, failed or not', async () => {
    const queue = new SerialQueue()
    const events: string[] = []
    const task = (name: string, ms: number, fail = false) => async () => {
      events.push(`${name} start`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      events.push(`${name} end`)
      if (fail) throw new Error(name)
      return name
    }
    const results = await Promise.allSettled([queue.run(task('a', 20, true)), queue.run(task('b', 5)), queue.run(task('c', 0))])
    expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end'])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
  })
})
