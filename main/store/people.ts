import type { z } from 'zod'
import { SestraError } from '../../shared/errors'
import type { createPersonInput, updatePersonInput } from '../../shared/recordInputs'
import type { Person, PersonWithRelations } from '../../shared/recordViews'
import type { Store } from './records'

const parentLinks = (store: Store, childIds: readonly string[]) =>
  childIds.length === 0
    ? []
    : store.links.list({
        where: `kind = 'child_of' AND from_type = 'person' AND to_type = 'person' AND from_id IN (${childIds.map(() => '?').join(', ')})`,
        params: [...childIds],
      }).items

function withRelations(store: Store, people: Person[]): PersonWithRelations[] {
  const links = parentLinks(store, people.map((p) => p.id))
  return people.map((p) => ({ ...p, childOf: links.filter((l) => l.fromId === p.id).map((l) => l.toId) }))
}

function setParents(store: Store, childId: string, parentIds: readonly string[]): void {
  for (const link of parentLinks(store, [childId])) store.links.delete(link.id)
  for (const parentId of new Set(parentIds)) {
    if (parentId === childId) throw new SestraError('INVALID_INPUT', 'childOf')
    store.people.get(parentId) // links carry no foreign key: check the parent exists
    store.links.create({ fromType: 'person', fromId: childId, toType: 'person', toId: parentId, kind: 'child_of' })
  }
}

export function listPeople(store: Store, input: { limit: number; offset: number }) {
  const page = store.people.list(input)
  return { items: withRelations(store, page.items), total: page.total }
}

export function createPerson(store: Store, input: z.input<typeof createPersonInput>): PersonWithRelations {
  const { childOf = [], ...fields } = input
  return store.transaction(() => {
    const person = store.people.create(fields)
    setParents(store, person.id, childOf)
    return withRelations(store, [person])[0]!
  })
}

export function updatePerson(store: Store, input: z.output<typeof updatePersonInput>): PersonWithRelations {
  return store.transaction(() => {
    const person = store.people.update(input.id, input.patch)
    if (input.childOf) setParents(store, input.id, input.childOf)
    return withRelations(store, [person])[0]!
  })
}

/** Documents and participations go by foreign key; links have none, so they go here. */
export function deletePerson(store: Store, id: string): void {
  store.transaction(() => {
    store.people.delete(id)
    const links = store.links.list({
      where: "(from_type = 'person' AND from_id = ?) OR (to_type = 'person' AND to_id = ?)",
      params: [id, id],
    }).items
    for (const link of links) store.links.delete(link.id)
  })
}
