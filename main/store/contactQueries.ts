import type { Store } from './records'

/** Name or organisation contains the query, case-insensitively; paged by name. */
export function listContacts(store: Store, input: { query: string; limit: number; offset: number }) {
  const query = input.query.trim()
  if (!query) return store.contacts.list({ limit: input.limit, offset: input.offset })
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return store.contacts.list({
    limit: input.limit,
    offset: input.offset,
    where: "(name LIKE ? ESCAPE '\\' OR organisation LIKE ? ESCAPE '\\')",
    params: [pattern, pattern],
  })
}

/** Speed-dial contacts with the lawyer role and at least one number, by name. */
export function speedDialLawyers(store: Store, limit: number) {
  return store.contacts.list({
    where: `speed_dial = 1 AND phones <> '[]' AND EXISTS (SELECT 1 FROM json_each(contacts.roles) WHERE value = 'lawyer')`,
    limit,
  }).items
}
