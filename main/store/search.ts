import type { SearchableType, SearchHit } from '../../shared/recordViews'
import type { Database } from '../vault/database'

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

/** Full-text search over the index migration 002 keeps inside the encrypted database. */
export class SearchIndex {
  readonly #db: Database

  constructor(db: Database) {
    this.#db = db
  }

  search(input: { query: string; limit: number; types?: readonly SearchableType[] }): SearchHit[] {
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
    return this.#db
      .prepare(
        `SELECT s.record_type AS type, s.record_id AS id, search_index.title AS title,
                snippet(search_index, -1, char(2), char(3), '…', 12) AS snippet
         FROM search_index JOIN search_rows s ON s.rowid = search_index.rowid
         WHERE search_index MATCH $match
           AND ($types IS NULL OR s.record_type IN (SELECT value FROM json_each($types)))
         ${broad ? '' : 'ORDER BY rank'} LIMIT $limit`,
      )
      .all({ match, types: types && JSON.stringify(types), limit: input.limit }) as unknown as SearchHit[]
  }
}
