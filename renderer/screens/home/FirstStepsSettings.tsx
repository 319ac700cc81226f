import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { backupReminderChoices } from '../../../shared/firstSteps'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { formatCalendarDate } from '../../i18n/calendarFormat'
import { useFirstSteps } from '../../state/firstSteps'
import { PanicButton } from '../seizure/PanicButton'
import { openBackup } from './openBackup'
import './home.css'

/** In Settings: the backup (date, reminder, a way to make one), the panic practice, and the first-steps list back. */
export function FirstStepsSettings() {
  const { t } = useTranslation()
  const data = useFirstSteps((s) => s.data)
  const load = useAction(useFirstSteps((s) => s.load))
  const mark = useAction(useFirstSteps((s) => s.mark))
  const reminder = useAction(useFirstSteps((s) => s.setReminder))
  const [shown, setShown] = useState(false)
  const runLoad = load.run

  useEffect(() => {
    void runLoad()
  }, [runLoad])

  return (
    <section className="settings-form" aria-labelledby="first-steps-settings-title" data-testid="first-steps-settings">
      <h2 id="first-steps-settings-title">{t('firstSteps.settings.title')}</h2>
      <Alert testId="first-steps-settings-error" code={load.error ?? mark.error ?? reminder.error} />
      {data && (
        <>
          <p data-testid="settings-last-backup">
            {data.lastBackupOn ? t('firstSteps.settings.lastBackup', { date: formatCalendarDate(data.lastBackupOn) }) : t('firstSteps.settings.noBackup')}
          </p>
          <p className="hint">{t('firstSteps.settings.dateHidden')}</p>
          <button type="button" className="primary" data-testid="settings-make-backup" onClick={openBackup}>
            {t('firstSteps.backup.make')}
          </button>
          <div className="field">
            <label htmlFor="backup-reminder-days">{t('firstSteps.settings.reminder')}</label>
            <select
              id="backup-reminder-days"
              data-testid="backup-reminder-days"
              value={data.reminderDays ?? 'never'}
              onChange={(e) => void reminder.run(e.target.value === 'never' ? null : (Number(e.target.value) as (typeof backupReminderChoices)[number]))}
            >
              {[...backupReminderChoices]
                .filter((days) => days !== null)
                .sort((a, b) => a - b)
                .map((days) => (
                  <option key={days} value={days}>
                    {t('firstSteps.settings.reminderDays', { count: days })}
                  </option>
                ))}
              <option value="never">{t('firstSteps.settings.reminderNever')}</option>
            </select>
          </div>
          <h3>{t('firstSteps.settings.practiceTitle')}</h3>
          <p className="hint">{t('firstSteps.settings.practiceText')}</p>
          <PanicButton practice onPractised={() => void mark.run('panicPractised', true)} />
          {data.dismissed && (
            <p>
              <button
                type="button"
                data-testid="first-steps-show"
                onClick={() => void mark.run('dismissed', false).then((ok) => setShown(ok))}
              >
                {t('firstSteps.settings.showList')}
              </button>
            </p>
          )}
          {shown && (
            <p role="status" className="success" data-testid="first-steps-shown">
              {t('firstSteps.settings.shown')}
            </p>
          )}
        </>
      )}
    </section>
  )
}
