import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { personInput, personRelations, type PersonInput } from '../../../shared/domain/person'
import type { PersonWithRelations } from '../../../shared/recordViews'
import { Alert } from '../../components/Alert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { usePeople } from '../../state/people'

type Relation = (typeof personRelations)[number]

/** A person: who they are to the user, and whose child they are. */
export function PersonEditor({ person }: { person: PersonWithRelations | 'new' }) {
  const { t } = useTranslation()
  const stored = person === 'new' ? null : person
  const [name, setName] = useState(stored?.name ?? '')
  const [birthDate, setBirthDate] = useState(stored?.birthDate ?? '')
  const [relation, setRelation] = useState<Relation>(stored?.relation ?? 'self')
  const [notes, setNotes] = useState(stored?.notes ?? '')
  const [parents, setParents] = useState<string[]>(stored?.childOf ?? [])
  const everyone = usePeople((s) => s.everyone)
  const others = everyone.filter((p) => p.id !== stored?.id)
  const close = usePeople((s) => s.closeEditor)
  const save = useAction(usePeople((s) => s.savePerson))
  const remove = useAction(usePeople((s) => s.removePerson))
  const busy = save.busy || remove.busy
  const input: PersonInput = { name, birthDate: birthDate || null, relation, notes }
  const check = useFormCheck(() => (personInput.safeParse(input).success ? null : 'invalidName'))
  const invalid = check.problem !== null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!check.attempt()) void save.run(input, parents)
  }

  return (
    <section>
      <h1>{stored ? t('people.person.editTitle') : t('people.person.newTitle')}</h1>
      <form ref={check.formRef} className="editor" onSubmit={submit} noValidate>
        <Field id="person-name" label={t('people.person.name')} value={name} onChange={setName} invalid={invalid} required autoFocus />
        <div className="field-row">
          <Field id="person-birth" type="date" label={t('people.person.birthDate')} value={birthDate} onChange={setBirthDate} />
          <div className="field">
            <label htmlFor="person-relation">{t('people.person.relation')}</label>
            <select id="person-relation" data-testid="person-relation" value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
              {personRelations.map((r) => (
                <option key={r} value={r}>
                  {t(`people.relations.${r}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset>
          <legend>{t('people.person.parents')}</legend>
          <p className="hint">{t('people.person.parentsHint')}</p>
          {others.length === 0 ? (
            <p className="hint">{t('people.person.noOthers')}</p>
          ) : (
            <div className="choices">
              {others.map((other) => (
                <label key={other.id} className="checkbox">
                  <input
                    type="checkbox"
                    data-testid="person-parent"
                    data-name={other.name}
                    checked={parents.includes(other.id)}
                    onChange={(e) => setParents((ids) => (e.target.checked ? [...ids, other.id] : ids.filter((id) => id !== other.id)))}
                  />
                  {other.name}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <Field id="person-notes" label={t('people.person.notes')} value={notes} onChange={setNotes} multiline />
        <Alert testId="person-error" message={invalid ? t('people.person.invalidName') : null} code={save.error ?? remove.error} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="person-save" disabled={busy}>
            {save.busy ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" data-testid="person-cancel" onClick={close} disabled={busy}>
            {t('editor.cancel')}
          </button>
          {stored && (
            <ConfirmDelete testId="person-delete" question={t('people.person.confirmDelete')} busy={busy} onConfirm={() => void remove.run(stored.id)} />
          )}
        </div>
      </form>
    </section>
  )
}
