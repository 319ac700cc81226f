import { useTranslation } from 'react-i18next'

interface PagerProps {
  testId: string
  offset: number
  limit: number
  total: number
  onPage(offset: number): void
}

/** Long lists come a page at a time: the DOM stays small at 100,000 records. */
export function Pager({ testId, offset, limit, total, onPage }: PagerProps) {
  const { t } = useTranslation()
  if (total <= limit && offset === 0) return null
  return (
    <nav className="pager" aria-label={t('people.pager.label')} data-testid={testId}>
      <button type="button" onClick={() => onPage(Math.max(0, offset - limit))} disabled={offset === 0}>
        {t('people.pager.previous')}
      </button>
      <span>{t('people.pager.range', { from: offset + 1, to: Math.min(offset + limit, total), total })}</span>
      <button type="button" onClick={() => onPage(offset + limit)} disabled={offset + limit >= total}>
        {t('people.pager.next')}
      </button>
    </nav>
  )
}
