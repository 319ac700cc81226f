import { useTranslation } from 'react-i18next'
import { localToday } from '../../../shared/calendarDates'
import { expiryState, type ExpiryBand } from '../../../shared/expiry'
import { formatCalendarDate, formatCountdown } from '../../i18n/calendarFormat'

const bandClass: Record<ExpiryBand, string> = {
  expired: 'state-bad',
  within30: 'state-bad',
  within90: 'state-warn',
  within180: 'state-warn',
  later: 'state-good',
}

/** A document's validity in colour AND in words, with the countdown in the UI language. */
export function DocumentState({ validUntil }: { validUntil: string | null }) {
  const { t } = useTranslation()
  if (validUntil === null) {
    return (
      <span className="state-tag state-neutral" data-testid="document-state">
        {t('people.state.noExpiry')}
      </span>
    )
  }
  const { band, daysLeft } = expiryState(validUntil, localToday())
  return (
    <span className="document-state">
      <span className={`state-tag ${bandClass[band]}`} data-testid="document-state" data-band={band}>
        {t(`people.state.${band}`)}
      </span>{' '}
      <span className="record-muted" data-testid="document-countdown">
        {t('people.state.until', { date: formatCalendarDate(validUntil) })} · {formatCountdown(daysLeft)}
      </span>
    </span>
  )
}
