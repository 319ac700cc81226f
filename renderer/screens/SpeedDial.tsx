import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { useAction } from '../components/useAction'
import { useContacts } from '../state/contacts'
import { useNavigation } from '../state/navigation'
import { CopyButton } from './seizure/CopyButton'

async function openFromSpeedDial(id: string): Promise<void> {
  useNavigation.getState().go('contacts')
  await useContacts.getState().open(id)
}

/** The numbers that must be one glance away during a campaign (the lawyer first of all). */
export function SpeedDial() {
  const { t } = useTranslation()
  const contacts = useContacts((s) => s.speedDial)
  const load = useAction(useContacts((s) => s.refreshSpeedDial))
  const open = useAction(openFromSpeedDial)
  const loadSpeedDial = load.run

  useEffect(() => {
    void loadSpeedDial()
  }, [loadSpeedDial])

  return (
    <section className="speed-dial" aria-labelledby="speed-dial-title">
      <h2 id="speed-dial-title">{t('frame.speedDial')}</h2>
      <Alert testId="speed-dial-error" code={load.error ?? open.error} />
      {contacts.length === 0 ? (
        <p className="hint">{t('frame.speedDialEmpty')}</p>
      ) : (
        <ul>
          {contacts.map((contact) => (
            <li key={contact.id} className="with-copy">
              <button type="button" data-testid="speed-dial-item" onClick={() => void open.run(contact.id)}>
                <span className="speed-dial-name">{contact.name}</span>
                {contact.phones[0] && <span className="speed-dial-phone">{contact.phones[0]}</span>}
              </button>
              {contact.phones[0] && <CopyButton phone={contact.phones[0]} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
