import { useId, useState, type KeyboardEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { SearchHit } from '../../../shared/recordViews'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { formatCalendarDate } from '../../i18n/calendarFormat'
import { openSearchHit } from './openSearchHit'
import './search.css'

// Typing fires a search per key; only the answer to the latest one may land.
let latestSearch = 0

/** The matched words arrive between \u0002 and \u0003; shown as <mark>, never as HTML. */
function Snippet({ text }: { text: string }) {
  // "before \u0002match\u0003after \u0002match\u0003...": every piece after the first opens with a match.
  const [first = '', ...rest] = text.split('\u0002')
  return (
    <span className="search-snippet">
      <span>{first}</span>
      {rest.map((piece, i) => {
        const [match = '', after = ''] = piece.split('\u0003')
        return (
          <span key={i}>
            <mark>{match}</mark>
            {after}
          </span>
        )
      })}
    </span>
  )
}

/** A document's kind in the UI language, not the code the index holds. */
function hitTitle(hit: SearchHit, t: TFunction): string {
  return hit.document ? t('people.documents.summary', { kind: t(`people.documents.kinds.${hit.document.kind}`), country: hit.document.issuingCountry }) : hit.title
}

/** Whose document it is and until when; a contact's roles and organisation: equal titles never look alike. */
function HitContext({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation()
  const parts = hit.document
    ? [hit.document.holder, hit.document.validUntil && t('people.state.until', { date: formatCalendarDate(hit.document.validUntil) })]
    : hit.contact
      ? [hit.contact.roles.map((role) => t(`roles.${role}`)).join(', '), hit.contact.organisation]
      : []
  const text = parts.filter(Boolean).join(' · ')
  return text ? (
    <span className="search-context" data-testid="global-search-context">
      {text}
    </span>
  ) : null
}

/** Full-text search over the whole vault, in the frame's header; a result opens its record. */
export function GlobalSearch() {
  const { t } = useTranslation()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const search = useAction(async (text: string) => {
    const ticket = ++latestSearch
    const found = text.trim() ? await call('search', { query: text, limit: 20 }) : null
    if (ticket === latestSearch) setHits(found)
  })
  const open = useAction(openSearchHit)

  const change = (text: string) => {
    setQuery(text)
    void search.run(text)
  }
  const close = () => {
    latestSearch++
    setQuery('')
    setHits(null)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close()
  }

  return (
    <div className="global-search" onKeyDown={onKeyDown}>
      <label htmlFor="global-search-input" className="visually-hidden">
        {t('people.search.label')}
      </label>
      <input
        id="global-search-input"
        data-testid="global-search"
        type="search"
        value={query}
        placeholder={t('people.search.placeholder')}
        autoComplete="off"
        // No aria-expanded: a search box (role searchbox) may not carry it (axe aria-allowed-attr). It controls the results only while they exist.
        aria-controls={hits !== null ? listId : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {hits !== null && (
        <div className="search-results" id={listId} role="region" aria-label={t('people.search.results')}>
          <Alert testId="global-search-error" code={search.error ?? open.error} />
          {hits.length === 0 ? (
            <p className="hint" data-testid="global-search-empty">
              {t('people.search.empty')}
            </p>
          ) : (
            <ul>
              {hits.map((hit) => (
                <li key={`${hit.type}-${hit.id}`}>
                  <button
                    type="button"
                    data-testid="global-search-hit"
                    data-type={hit.type}
                    onClick={() => void open.run(hit).then((opened) => opened && close())}
                  >
                    <span className="search-type">{t(`people.search.types.${hit.type}`)}</span>
                    <span className="search-title" data-testid="global-search-title">
                      {hitTitle(hit, t)}
                    </span>
                    <HitContext hit={hit} />
                    {hit.snippet && <Snippet text={hit.snippet} />}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
