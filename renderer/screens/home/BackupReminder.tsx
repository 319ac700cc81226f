import { useTranslation } from 'react-i18next'
import { daysBetween, localToday } from '../../../shared/calendarDates'
import { formatCalendarDate } from '../../i18n/calendarFormat'
import { useFirstSteps } from '../../state/firstSteps'
import { openBackup } from './openBackup'
import './home.css'

/** A quiet line when no backup was made or the last is older than the chosen days; only the date of the last export is used. */
export function BackupReminder() {
  const { t } = useTranslation()
  const data = useFirstSteps((s) => s.data)
  if (data === null || !data.backupDue) return null
  return (
    <p className="backup-reminder" role="status" data-testid="backup-reminder">
      {data.lastBackupOn === null
        ? t('firstSteps.backup.never')
        : t('firstSteps.backup.old', { date: formatCalendarDate(data.lastBackupOn), count: daysBetween(data.lastBackupOn, localToday()) })}{' '}
      <button type="button" className="link-button" data-testid="backup-reminder-make" onClick={openBackup}>
        {t('firstSteps.backup.make')}
      </button>
    </p>
  )
}
