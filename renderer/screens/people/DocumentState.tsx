import { useTranslation } from 'react-i18next'
import { localToday } from '../../../shared/calendarDates'
import { expiryState, type ExpiryBand } from '../../../shared/expiry'
import type { TravelDocument } from '../../../shared/recordViews'
import { documentShortfall } from '../../../shared/travelNeeds'
import { formatCalendarDate, formatCountdown } from '../../i18n/calendarFormat'
import { usePeople } from '../../state/people'

const bandClass: Record<ExpiryBand, string> = {
  expired: 'state-bad',
  within30: 'state-bad',
  within90: 'state-warn',
  within180: 'state-warn',
  later: 'state-good',
}

type Shown = Pick<TravelDocument, 'personId' | 'kind' | 'validUntil' | 'neededForTravel'>

/**
 * A document's validity in colour AND in words, with the countdown in the UI
 * language; a document an upcoming campaign's margin fails is never a green "Valid".
 */
export function DocumentState({ document }: { document: Shown }) {
  const { t } = useTranslation()
  const needs = usePeople((s) => s.travelNeeds)
  const { validUntil } = document
  if (validUntil === null) {
    return (
      <span className="state-tag state-neutral" data-testid="document-state">
        {t('people.state.noExpiry')}
      </span>
    )
  }
  const today = localToday()
  const { band, daysLeft } = expiryState(validUntil, today)
  const short = documentShortfall(document, needs, today)
  const shortText = short && { campaign: short.campaign, date: formatCalendarDate(short.required) }
  return (
    <span className="document-state">
      <span
        className={`state-tag ${band === 'later' && short ? 'state-warn' : bandClass[band]}`}
        data-testid="document-state"
        data-band={band}
        data-short={short ? 'true' : undefined}
      >
        {band === 'later' && shortText ? t('people.state.validButShort', shortText) : t(`people.state.${band}`)}
      </span>{' '}
      {band !== 'later' && shortText && (
        <>
          <span className="state-tag state-warn" data-testid="document-shortfall">
            {t('people.state.shortFor', shortText)}
          </span>{' '}
        </>
      )}
      <span className="record-muted" data-testid="document-countdown">
        {t('people.state.until', { date: formatCalendarDate(validUntil) })} · {formatCountdown(daysLeft)}
      </span>
    </span>
  )
}
