import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { ForeignKeyViolation } from '../../main/store/fileTransfer'
import type { OpenVault } from '../../main/vault/vault'
import { newVault } from '../support/exchangeFixtures'

let vault: OpenVault | null = null
afterEach(() => {
  vault?.lock()
  vault = null
})

/** Rows as a bundle brings them: copies of a stored row under new ids. */
function rowsLike(vault: OpenVault, table: 'people' | 'incidents') {
  const template = vault.store.tableRows.rows(table)[0]!
  return (id: string) => ({ ...template, id })
}

describe('FileTransfer.inTurns (a restore commits its new vault in short transactions)', () => {
  it('lets the event loop turn between steps, and every row is in afterwards', async () => {
    vault = await newVault()
    const { store } = vault
    store.people.create({ name: 'Template', relation: 'other' })
    const personRow = rowsLike(vault, 'people')
    const ids = Array.from({ length: 100 }, () => randomUUID())
    const order: string[] = []
    const steps = ids.map((id, index) => () => {
      store.tableRows.put('people', personRow(id), 'keep')
      order.push('step')
      // Queued inside the commit: it runs before the last step only if the commit lets the loop turn.
      if (index === 0) setImmediate(() => order.push('event loop'))
    })
    await store.fileTransfer.inTurns([], steps)
    const turned = order.indexOf('event loop')
    expect(turned).toBeGreaterThan(0)
    expect(turned).toBeLessThan(order.length - 1)
    for (const id of ids) expect(store.tableRows.has('people', id)).toBe(true)
  })

  it('takes rows that refer to rows of a later step, as one transaction would', async () => {
    vault = await newVault()
    const { store } = vault
    store.people.create({ name: 'Template', relation: 'other' })
    store.incidents.create({ title: 'Template', kind: 'threat', occurredOn: '2026-11-26' })
    const [personRow, incidentRow] = [rowsLike(vault, 'people'), rowsLike(vault, 'incidents')]
    const people = Array.from({ length: 40 }, () => randomUUID())
    const incident = randomUUID()
    const steps = [
      ...people.map((person) => () => void store.tableRows.put('incident_people', { incident_id: incident, person_id: person }, 'keep')),
      ...people.map((person) => () => void store.tableRows.put('people', personRow(person), 'keep')),
      () => void store.tableRows.put('incidents', incidentRow(incident), 'keep'),
    ]
    await store.fileTransfer.inTurns([], steps)
    expect(store.tableRows.rows('incident_people')).toHaveLength(40)
  })

  it('refuses a reference to nothing once all steps are in, and turns foreign keys back on', async () => {
    vault = await newVault()
    const { store } = vault
    const dangling = () => void store.tableRows.put('incident_people', { incident_id: randomUUID(), person_id: randomUUID() }, 'keep')
    await expect(store.fileTransfer.inTurns([], [dangling])).rejects.toBeInstanceOf(ForeignKeyViolation)
    // Enforced again: the same write now fails at once.
    expect(dangling).toThrow(/FOREIGN KEY/)
  })
})
