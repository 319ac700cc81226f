import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonWithRelations, TravelDocument } from '../../../shared/recordViews'
import { Alert } from '../../components/Alert'
import { Pager } from '../../components/Pager'
import { useAction } from '../../components/useAction'
import { formatCalendarDate } from '../../i18n/calendarFormat'
import { peoplePageSize, usePeople } from '../../state/people'
import { DocumentState } from './DocumentState'

async function loadFamily(offset: number): Promise<void> {
  const people = usePeople.getState()
  await Promise.all([people.loadPage(offset), people.loadEveryone(), people.loadTravelNeeds()])
}

/** Each person with their documents and each document's state. */
export function FamilyView() {
  const { t } = useTranslation()
  const { items, total, offset } = usePeople()
  const startNew = usePeople((s) => s.startNewPerson)
  const load = useAction(loadFamily)
  const loadPage = load.run

  useEffect(() => {
    void loadPage(usePeople.getState().offset)
  }, [loadPage])

  return (
    <div>
      <div className="section-header">
        <p className="hint" data-testid="people-total">
          {t('people.total', { total })}
        </p>
        <button type="button" className="primary" data-testid="person-new" onClick={startNew}>
          {t('people.newPerson')}
        </button>
      </div>
      <Alert testId="people-error" code={load.error} />
      {items.length === 0 ? (
        <p data-testid="people-empty">{t('people.empty')}</p>
      ) : (
        <ul className="record-list" data-testid="person-list">
          {items.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} />
            </li>
          ))}
        </ul>
      )}
      <Pager testId="people-pager" offset={offset} limit={peoplePageSize} total={total} onPage={(o) => void loadPage(o)} />
    </div>
  )
}

// One empty list for everyone without documents: a fresh [] per render would never settle.
const noDocuments: TravelDocument[] = []

function PersonCard({ person }: { person: PersonWithRelations }) {
  const { t } = useTranslation()
  const everyone = usePeople((s) => s.everyone)
  const documents = usePeople((s) => s.documents[person.id]) ?? noDocuments
  const openPerson = useAction(usePeople((s) => s.openPerson))
  const newDocument = usePeople((s) => s.startNewDocument)
  const parents = person.childOf.map((id) => everyone.find((p) => p.id === id)?.name).filter(Boolean)

  return (
    <article className="panel person-card" data-testid="person-card" data-name={person.name} aria-labelledby={`person-${person.id}`}>
      <div className="person-head">
        <h2 id={`person-${person.id}`} data-testid="person-name">
          {person.name}
        </h2>
        <span className="record-muted">{t(`people.relations.${person.relation}`)}</span>
        <button type="button" data-testid="person-edit" onClick={() => void openPerson.run(person.id)}>
          {t('people.edit')}
        </button>
      </div>
      {(parents.length > 0 || person.birthDate) && (
        <p className="hint">
          {[person.birthDate && t('people.born', { date: formatCalendarDate(person.birthDate) }), parents.length > 0 && t('people.childOf', { names: parents.join(', ') })]
            .filter(Boolean)
            .join(' · ')}
        </p>
      )}
      <h3>{t('people.documents.title')}</h3>
      {documents.length === 0 ? (
        <p className="hint">{t('people.documents.none')}</p>
      ) : (
        <ul className="document-list">
          {documents.map((document) => (
            <DocumentRow key={document.id} document={document} />
          ))}
        </ul>
      )}
      <Alert testId="person-card-error" code={openPerson.error} />
      <button type="button" data-testid="document-new" onClick={() => newDocument(person.id)}>
        {t('people.documents.add')}
      </button>
    </article>
  )
}

function DocumentRow({ document }: { document: TravelDocument }) {
  const { t } = useTranslation()
  const open = useAction(usePeople((s) => s.openDocument))
  return (
    <li>
      <button type="button" className="document-row" data-testid="document-row" data-kind={document.kind} onClick={() => void open.run(document.id)}>
        <span className="record-title">{t('people.documents.summary', { kind: t(`people.documents.kinds.${document.kind}`), country: document.issuingCountry })}</span>
        <DocumentState document={document} />
      </button>
      <Alert testId="document-row-error" code={open.error} />
    </li>
  )
}
