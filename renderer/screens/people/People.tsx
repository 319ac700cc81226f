import { useTranslation } from 'react-i18next'
import { Tabs } from '../../components/Tabs'
import { usePeople, type PeopleView } from '../../state/people'
import { DocumentEditor } from './DocumentEditor'
import { ExpiryOverview } from './ExpiryOverview'
import { FamilyView } from './FamilyView'
import { PersonEditor } from './PersonEditor'
import '../../components/records.css'
import './people.css'

const views: PeopleView[] = ['family', 'expiry']

export function People() {
  const { t } = useTranslation()
  const view = usePeople((s) => s.view)
  const setView = usePeople((s) => s.setView)
  const editingPerson = usePeople((s) => s.editingPerson)
  const editingDocument = usePeople((s) => s.editingDocument)

  if (editingPerson !== null) return <PersonEditor key={editingPerson === 'new' ? 'new' : editingPerson.id} person={editingPerson} />
  if (editingDocument !== null) {
    return <DocumentEditor key={'document' in editingDocument ? editingDocument.document.id : 'new'} draft={editingDocument} />
  }
  return (
    <section>
      <h1>{t('people.title')}</h1>
      <Tabs idPrefix="people" label={t('people.tabs.label')} names={views} selected={view} onSelect={setView} title={(name) => t(`people.tabs.${name}`)} />
      <div id="people-panel" role="tabpanel" aria-labelledby={`people-tab-${view}`}>
        {view === 'family' ? <FamilyView /> : <ExpiryOverview />}
      </div>
    </section>
  )
}
