import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Contact } from '../../shared/ipc-schema'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { useAction } from '../components/useAction'
import { useContacts } from '../state/contacts'
import { ContactEditor } from './ContactEditor'
import { LawyerCard } from './people/LawyerCard'
import { CopyButton } from './seizure/CopyButton'

export function Contacts() {
  const editing = useContacts((s) => s.editing)
  return editing === null ? <ContactList /> : <ContactEditor key={editing === 'new' ? 'new' : editing.id} contact={editing} />
}

function ContactList() {
  const { t } = useTranslation()
  const { query, items, total } = useContacts()
  const startNew = useContacts((s) => s.startNew)
  const search = useAction(useContacts((s) => s.search))
  const open = useAction(useContacts((s) => s.open))
  const runSearch = search.run

  // The list is fetched afresh each time it is shown; nothing is cached across screens.
  useEffect(() => {
    void runSearch(useContacts.getState().query)
  }, [runSearch])

  return (
    <section>
      <div className="section-header">
        <h1>{t('contacts.title')}</h1>
        <button type="button" className="primary" data-testid="contact-new" onClick={startNew}>
          {t('contacts.new')}
        </button>
      </div>
      <LawyerCard />
      <Field id="contacts-search" type="search" label={t('contacts.search')} value={query} onChange={(q) => void runSearch(q)} />
      <Alert testId="contacts-error" code={search.error ?? open.error} />
      <p className="hint" data-testid="contacts-total">
        {t('contacts.total', { total })}
      </p>
      {items.length === 0 ? (
        <p data-testid="contacts-empty">{query.trim() ? t('contacts.noMatch') : t('contacts.empty')}</p>
      ) : (
        <ul className="contact-list" data-testid="contact-list">
          {items.map((contact) => (
            <li key={contact.id} className="with-copy">
              <ContactRow contact={contact} onOpen={() => void open.run(contact.id)} />
              {contact.phones[0] && <CopyButton phone={contact.phones[0]} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ContactRow({ contact, onOpen }: { contact: Contact; onOpen(): void }) {
  const { t } = useTranslation()
  return (
    <button type="button" className="contact-row" data-testid="contact-row" onClick={onOpen}>
      <span className="contact-name" data-testid="contact-row-name">
        {contact.name}
      </span>
      <span className="contact-roles">{contact.roles.map((role) => t(`roles.${role}`)).join(', ')}</span>
      <span className="contact-phone">{contact.phones[0] ?? t('contacts.noPhone')}</span>
    </button>
  )
}
