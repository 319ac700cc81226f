import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../components/useAction'
import { useNavigation } from '../../state/navigation'
import { usePeople } from '../../state/people'
import '../../components/records.css'
import './people.css'

const bands = ['expired', 'within30', 'within90'] as const

/**
 * Shown once the vault is open: how many documents are expired or about to
 * be. Only counts, so a glance over the shoulder learns no names.
 */
export function ExpiryReminder() {
  const { t } = useTranslation()
  const reminder = usePeople((s) => s.reminder)
  const dismiss = usePeople((s) => s.dismissReminder)
  const loadReminder = useAction(usePeople((s) => s.loadReminder)).run

  useEffect(() => {
    void loadReminder()
  }, [loadReminder])

  if (reminder === null) return null
  const openOverview = () => {
    usePeople.getState().setView('expiry')
    useNavigation.getState().go('people')
    dismiss()
  }
  return (
    <section className="warning reminder" aria-labelledby="reminder-title" data-testid="expiry-reminder">
      <h2 id="reminder-title">{t('people.reminder.title')}</h2>
      <ul>
        {bands
          .filter((band) => reminder[band])
          .map((band) => (
            <li key={band} data-testid={`reminder-${band}`}>
              {t(`people.reminder.${band}`, { count: reminder[band] })}
            </li>
          ))}
      </ul>
      <div className="actions">
        <button type="button" data-testid="reminder-open" onClick={openOverview}>
          {t('people.reminder.open')}
        </button>
        <button type="button" data-testid="reminder-dismiss" onClick={dismiss}>
          {t('people.reminder.dismiss')}
        </button>
      </div>
    </section>
  )
}
