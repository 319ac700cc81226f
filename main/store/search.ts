import { z } from 'zod'
import { contactRoles } from '../../shared/domain/contact'
import { documentKinds } from '../../shared/domain/travelDocument'
import { searchableTypes, type SearchableType, type SearchHit } from '../../shared/recordViews'
import { kindsNamedIn, rolesNamedIn } from '../../shared/searchTerms'
import type { Database } from '../vault/database'
import { jsonColumn, parseRows } from './rows'

/**
 * Never part of a word, and not for FTS5's parser: NUL ends its strings
 * early (an INTERNAL error), and lone surrogates are not text at all.
 */
const notWordText = /[\p{Cc}\p{Cs}]/gu

/**
 * Turns what the user typed into an FTS5 query that can only mean "these
 * words": each word is quoted (quotes inside doubled), so operators, column
 * filters and stray syntax are plain text; control characters separate
 * words; every word is a prefix match, so results come while typing.
 */
export function ftsQuery(text: string): string | null {
  const words = text.replace(notWordText, ' ').split(/\s+/).filter((w) => w.length > 0)
  if (words.length === 0) return null
  return words.map((w) => `"${w.replaceAll('"', '""')}"*`).join(' ')
}

const broadMatchCount = 1000

const hitRow = z.object({ type: z.enum(searchableTypes), id: z.string(), title: z.string(), snippet: z.string() })
type Hit = z.output<typeof hitRow>
const documentRow = z.object({ id: z.string(), kind: z.enum(documentKinds), issuingCountry: z.string(), validUntil: z.string().nullable(), holder: z.string() })
const contactRow = z.object({ id: z.string(), roles: jsonColumn(z.array(z.enum(contactRoles))), organisation: z.string() })
const json = (values: readonly string[]) => JSON.stringify(values)

/** Full-text search over the index migration 002 keeps inside the encrypted database. */
export class SearchIndex {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  /**
   * Full-text matches first, each person followed by their documents; then
   * contacts whose role and documents whose kind the words name, in English
   * or Russian. Documents and contacts carry what tells equal titles apart.
   */
  search(input: { query: string; limit: number; types?: readonly SearchableType[] }): SearchHit[] {
    const wanted = (type: SearchableType) => !input.types?.length || input.types.includes(type)
    const found = new Map<string, Hit>()
    const add = (hits: Hit[]) => {
      for (const hit of hits) if (wanted(hit.type) && !found.has(`${hit.type}:${hit.id}`)) found.set(`${hit.type}:${hit.id}`, hit)
    }
    for (const hit of this.#fullText(input)) {
      add([hit])
      if (hit.type === 'person') add(this.#documentsOf(hit.id, input.limit))
    }
    add(this.#contactsWithRoles(rolesNamedIn(input.query), input.limit))
    add(this.#documentsOfKinds(kindsNamedIn(input.query), input.limit))
    return this.#withContext([...found.values()].slice(0, input.limit))
  }

  #fullText(input: { query: string; limit: number; types?: readonly SearchableType[] }): Hit[] {
    const match = ftsQuery(input.query)
    if (!match) return []
    const types = input.types?.length ? input.types : null
    // Under cipher_memory_security every FTS5 allocation is wiped on free,
    // which makes ranking (and any backward scan) cost ~6 µs per match: 150 ms
    // for a short prefix matching 25,000 records. Past a thousand matches
    // relevance says little anyway, so such queries stream the matches in the
    // order they were recorded and stop at the limit.
    const broad =
      Number(
        this.#db
          .prepare('SELECT count(*) FROM (SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT ?)', { pluck: true })
          .get([match, broadMatchCount]),
      ) >= broadMatchCount
    return parseRows(hitRow, this.#db
      .prepare(
        `SELECT s.record_type AS type, s.record_id AS id, search_index.title AS title,
                snippet(search_index, -1, char(2), char(3), '…', 12) AS snippet
         FROM search_index JOIN search_rows s ON s.rowid = search_index.rowid
         WHERE search_index MATCH $match
           AND ($types IS NULL OR s.record_type IN (SELECT value FROM json_each($types)))
         ${broad ? '' : 'ORDER BY rank'} LIMIT $limit`,
      )
      .all({ match, types: types && json(types), limit: input.limit }))
  }

  #documentsOf(personId: string, limit: number): Hit[] {
    return parseRows(hitRow, this.#db
      .prepare(
        `SELECT 'document' AS type, id, kind || ' ' || issuing_country AS title, '' AS snippet
         FROM documents WHERE person_id = ? ORDER BY valid_until LIMIT ?`,
      )
      .all([personId, limit]))
  }

  #contactsWithRoles(roles: readonly string[], limit: number): Hit[] {
    if (roles.length === 0) return []
    return parseRows(hitRow, this.#db
      .prepare(
        `SELECT 'contact' AS type, id, name AS title, '' AS snippet FROM contacts
         WHERE EXISTS (SELECT 1 FROM json_each(contacts.roles) WHERE value IN (SELECT value FROM json_each(?)))
         ORDER BY name COLLATE NOCASE LIMIT ?`,
      )
      .all([json(roles), limit]))
  }

  #documentsOfKinds(kinds: readonly string[], limit: number): Hit[] {
    if (kinds.length === 0) return []
    return parseRows(hitRow, this.#db
      .prepare(
        `SELECT 'document' AS type, id, kind || ' ' || issuing_country AS title, '' AS snippet FROM documents
         WHERE kind IN (SELECT value FROM json_each(?)) ORDER BY valid_until LIMIT ?`,
      )
      .all([json(kinds), limit]))
  }

  /** One lookup per type for the whole page, not one per hit. */
  #withContext(hits: Hit[]): SearchHit[] {
    const ids = (type: SearchableType) => json(hits.filter((h) => h.type === type).map((h) => h.id))
    const documents = new Map(
      parseRows(
        documentRow,
        this.#db
          .prepare(
            `SELECT d.id, d.kind, d.issuing_country AS issuingCountry, d.valid_until AS validUntil, p.name AS holder
             FROM documents d JOIN people p ON p.id = d.person_id WHERE d.id IN (SELECT value FROM json_each(?))`,
          )
          .all([ids('document')]),
      ).map(({ id, ...document }) => [id, document]),
    )
    const contacts = new Map(
      parseRows(
        contactRow,
        this.#db
          .prepare('SELECT id, roles, organisation FROM contacts WHERE id IN (SELECT value FROM json_each(?))')
          .all([ids('contact')]),
      ).map(({ id, ...contact }) => [id, contact]),
    )
    return hits.map((hit) => {
      const document = documents.get(hit.id)
      const contact = contacts.get(hit.id)
      if (hit.type === 'document' && document) return { ...hit, document }
      if (hit.type === 'contact' && contact) return { ...hit, contact }
      return hit
    })
  }
}
