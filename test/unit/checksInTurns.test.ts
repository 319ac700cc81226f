import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { recordChecker } from '../../main/exchange/rowChecks'
import { eachInTurns } from '../../main/nextTurn'
import type { OpenVault } from '../../main/vault/vault'
import { newVault } from '../support/exchangeFixtures'

let vault: OpenVault | null = null
afterEach(() => {
  vault?.lock()
  vault = null
})

/** Whether a callback queued now on the event loop runs before `work` settles: it does only if `work` lets the loop turn. */
async function turnsDuring(work: () => Promise<unknown>): Promise<boolean> {
  let turned = false
  setImmediate(() => (turned = true))
  await work().catch(() => {})
  return turned
}

describe('eachInTurns', () => {
  it('visits every item in order, with its index, and lets the loop turn on a long list', async () => {
    const seen: [string, number][] = []
    const items = Array.from({ length: 200 }, (_, i) => `item ${i}`)
    expect(await turnsDuring(() => eachInTurns(items, (item, index) => seen.push([item, index])))).toBe(true)
    expect(seen).toEqual(items.map((item, index) => [item, index]))
  })

  it('stops at the first item that throws', async () => {
    const seen: number[] = []
    const visit = (item: number) => {
      if (item === 100) throw new Error('refused')
      seen.push(item)
    }
    await expect(eachInTurns(Array.from({ length: 200 }, (_, i) => i), visit)).rejects.toThrow('refused')
    expect(seen).toHaveLength(100)
  })
})

describe("a bundle's rows are checked in slices (a restore of thousands of records keeps the window responsive)", () => {
  async function peopleRows(count: number) {
    vault = await newVault()
    vault.store.people.create({ name: 'Template', relation: 'other' })
    const template = vault.store.tableRows.rows('people')[0]!
    return Array.from({ length: count }, (): Record<string, unknown> => ({ ...template, id: randomUUID() }))
  }

  it('lets the event loop turn while it checks a long table', async () => {
    const rows = await peopleRows(300)
    const check = recordChecker(vault!.store)
    expect(await turnsDuring(() => check('people', rows))).toBe(true)
  })

  it('still names the item that fails, past the first slice', async () => {
    const rows = await peopleRows(300)
    rows[249]!.birth_date = '2023-02-30'
    await expect(recordChecker(vault!.store)('people', rows)).rejects.toMatchObject({ code: 'BUNDLE_INVALID', detail: expect.stringMatching(/people\.json item 250: birthDate$/) })
  })
})
