import { useTranslation } from 'react-i18next'
import type { BundleSignature, BundleSummary } from '../../../shared/bundle'
import { formatDate } from '../../i18n'
import { alliesText } from '../../i18n/allies'
import { formatBytes } from '../evidence/format'

type CountKey = keyof typeof alliesText.en.counts
const kinds = (Object.keys(alliesText.en.counts) as CountKey[]).filter((key) => key !== 'other')

/**
 * Rows per table, grouped as the person reads them: the record kinds by name,
 * everything else (links, join tables, checklists, custody) as one "other".
 * The summary and the merge report group alike, so their numbers match.
 */
export function groupCounts(counts: Record<string, number>): Record<CountKey, number> {
  const grouped = Object.fromEntries([...kinds, 'other'].map((key) => [key, 0])) as Record<CountKey, number>
  for (const [table, n] of Object.entries(counts)) grouped[(kinds as string[]).includes(table) ? (table as CountKey) : 'other'] += n
  return grouped
}

export const countKeys: readonly CountKey[] = [...kinds, 'other']

/** What a checked bundle holds: when and by what it was made, what was chosen, how many of each record. */
export function BundleSummaryView({ summary, testId }: { summary: BundleSummary; testId: string }) {
  const { t } = useTranslation()
  const counts = groupCounts(summary.counts)
  return (
    <div className="bundle-summary" data-testid={testId}>
      <h3>{t('allies.import.summaryTitle')}</h3>
      <p>{t('allies.import.created', { date: formatDate(summary.createdAt), version: summary.appVersion })}</p>
      <p>{summary.selection.kind === 'vault' ? t('allies.import.selectionVault') : t('allies.import.selectionRecords')}</p>
      <dl className="bundle-counts">
        {countKeys
          .filter((key) => counts[key] > 0)
          .map((key) => (
            <div key={key}>
              <dt>{t(`allies.counts.${key}`)}</dt>
              <dd data-testid={`bundle-count-${key}`}>{counts[key]}</dd>
            </div>
          ))}
      </dl>
      <p>{t('allies.import.size', { size: formatBytes(summary.totalBytes) })}</p>
      <SignatureLine signature={summary.signature} />
    </div>
  )
}

/** Who signed the file: the one thing the checks cannot decide for the person, so an unknown or missing signature stands out. */
function SignatureLine({ signature }: { signature: BundleSignature }) {
  const { t } = useTranslation()
  const known = signature.status === 'ally' || signature.status === 'this_vault'
  return (
    <p className={known ? undefined : 'alert'} data-testid="bundle-signature">
      {t(`allies.import.signature.${signature.status}`, {
        name: signature.status === 'ally' ? signature.allyName : '',
        key: signature.status === 'unsigned' ? '' : signature.publicKey,
      })}
    </p>
  )
}
