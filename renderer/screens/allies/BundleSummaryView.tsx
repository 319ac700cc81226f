import { useTranslation } from 'react-i18next'
import type { BundleSummary } from '../../../shared/bundle'
import { formatDate } from '../../i18n'
import { alliesText } from '../../i18n/allies'
import { formatBytes } from '../evidence/format'

const labelled = Object.keys(alliesText.en.counts) as (keyof typeof alliesText.en.counts)[]

/** What a checked bundle holds: when and by what it was made, what was chosen, how many of each record. */
export function BundleSummaryView({ summary, testId }: { summary: BundleSummary; testId: string }) {
  const { t } = useTranslation()
  return (
    <div className="bundle-summary" data-testid={testId}>
      <h3>{t('allies.import.summaryTitle')}</h3>
      <p>{t('allies.import.created', { date: formatDate(summary.createdAt), version: summary.appVersion })}</p>
      <p>{summary.selection.kind === 'vault' ? t('allies.import.selectionVault') : t('allies.import.selectionRecords')}</p>
      <dl className="bundle-counts">
        {labelled
          .filter((key) => (summary.counts[key] ?? 0) > 0)
          .map((key) => (
            <div key={key}>
              <dt>{t(`allies.counts.${key}`)}</dt>
              <dd data-testid={`bundle-count-${key}`}>{summary.counts[key]}</dd>
            </div>
          ))}
      </dl>
      <p>{t('allies.import.size', { size: formatBytes(summary.totalBytes) })}</p>
    </div>
  )
}
