import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { personInput, personRelations, type PersonInput } from '../../../shared/domain/person'
import type { PersonWithRelations } from '../../../shared/recordViews'
import { Checklist } from '../../components/form/Choices'
import { useRecordForm, type FieldSpecs } from '../../components/form/useRecordForm'
import { usePeople } from '../../state/people'

interface Form {
  name: string
  birthDate: string
  relation: (typeof personRelations)[number]
  notes: string
}

const fields: FieldSpecs<Form> = {
  name: { id: 'person-name', label: 'people.person.name', required: true, problem: 'people.person.invalidName' },
  birthDate: { id: 'person-birth', kind: 'date', label: 'people.person.birthDate', problem: 'people.person.invalidBirthDate' },
  relation: { id: 'person-relation', kind: 'select', label: 'people.person.relation', options: personRelations.map((r) => ({ value: r, label: `people.relations.${r}` })) },
  notes: { id: 'person-notes', kind: 'textarea', label: 'people.person.notes' },
}

const toInput = (form: Form): PersonInput => ({ ...form, birthDate: form.birthDate || null })

/** A person: who they are to the user, and whose child they are. */
export function PersonEditor({ person }: { person: PersonWithRelations | 'new' }) {
  const { t } = useTranslation()
  const stored = person === 'new' ? null : person
  const [parents, setParents] = useState<string[]>(stored?.childOf ?? [])
  const everyone = usePeople((s) => s.everyone)
  const others = everyone.filter((p) => p.id !== stored?.id)
  const close = usePeople((s) => s.closeEditor)
  const save = usePeople((s) => s.savePerson)
  const remove = usePeople((s) => s.removePerson)
  const editor = useRecordForm({
    initial: (): Form => ({ name: stored?.name ?? '', birthDate: stored?.birthDate ?? '', relation: stored?.relation ?? 'self', notes: stored?.notes ?? '' }),
    fields,
    toInput,
    schema: personInput,
    otherwise: 'people.person.invalidName',
    testId: 'person',
    save: (input) => save(input, parents),
    remove: stored ? () => remove(stored.id) : undefined,
  })

  return (
    <section>
      <h1>{stored ? t('people.person.editTitle') : t('people.person.newTitle')}</h1>
      <form {...editor.formProps}>
        {editor.field('name', { autoFocus: true })}
        <div className="field-row">
          {editor.field('birthDate')}
          {editor.field('relation')}
        </div>
        <Checklist
          legend={t('people.person.parents')}
          hint={t('people.person.parentsHint')}
          empty={t('people.person.noOthers')}
          items={others}
          selected={parents}
          onChange={setParents}
          itemTestId="person-parent"
        />
        {editor.field('notes')}
        {editor.error()}
        {editor.actions({ onCancel: close, deleteQuestion: t('people.person.confirmDelete') })}
      </form>
    </section>
  )
}
