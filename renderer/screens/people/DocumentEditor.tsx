import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { documentKinds, travelDocumentInput, visaEntries, type TravelDocumentInput } from '../../../shared/domain/travelDocument'
import { Alert } from '../../components/Alert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { usePeople, type DocumentDraft, type DocumentKind } from '../../state/people'

type Entries = (typeof visaEntries)[number]
type Problem = 'invalidCountry' | 'invalidDates'

function validate(input: TravelDocumentInput): Problem | null {
  const field = travelDocumentInput.safeParse(input).error?.issues[0]?.path[0]
  if (field === undefined) return null
  return field === 'issuingCountry' ? 'invalidCountry' : 'invalidDates'
}

/** A passport, ID, visa or residence permit of one person. */
export function DocumentEditor({ draft }: { draft: DocumentDraft }) {
  const { t } = useTranslation()
  const stored = 'document' in draft ? draft.document : null
  const personId = stored?.personId ?? ('personId' in draft ? draft.personId : '')
  const [kind, setKind] = useState<DocumentKind>(stored?.kind ?? 'passport')
  const [country, setCountry] = useState(stored?.issuingCountry ?? '')
  const [number, setNumber] = useState(stored?.number ?? '')
  const [validFrom, setValidFrom] = useState(stored?.validFrom ?? '')
  const [validUntil, setValidUntil] = useState(stored?.validUntil ?? '')
  const [visaType, setVisaType] = useState(stored?.visaType ?? '')
  const [entries, setEntries] = useState<Entries | ''>(stored?.entries ?? '')
  const [needed, setNeeded] = useState(stored?.neededForTravel ?? false)
  const [notes, setNotes] = useState(stored?.notes ?? '')
  const [invalid, setInvalid] = useState<Problem | null>(null)
  const holder = usePeople((s) => s.everyone.find((p) => p.id === personId)?.name ?? '')
  const close = usePeople((s) => s.closeEditor)
  const save = useAction(usePeople((s) => s.saveDocument))
  const remove = useAction(usePeople((s) => s.removeDocument))
  const busy = save.busy || remove.busy
  const isVisa = kind === 'visa'

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input: TravelDocumentInput = {
      personId,
      kind,
      issuingCountry: country,
      number,
      validFrom: validFrom || null,
      validUntil: validUntil || null,
      // Visa details mean nothing on a passport; they are not kept there.
      visaType: isVisa ? visaType : '',
      entries: isVisa && entries ? entries : null,
      neededForTravel: isVisa && needed,
      notes,
    }
    const problem = validate(input)
    setInvalid(problem)
    if (!problem) void save.run(input)
  }

  return (
    <section>
      <h1>{stored ? t('people.documents.editTitle') : t('people.documents.newTitle')}</h1>
      <p className="hint" data-testid="document-holder">
        {t('people.documents.holder', { name: holder })}
      </p>
      <form className="editor" onSubmit={submit} noValidate>
        <div className="field-row">
          <div className="field">
            <label htmlFor="document-kind">{t('people.documents.kind')}</label>
            <select id="document-kind" data-testid="document-kind" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {documentKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`people.documents.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <Field id="document-country" label={t('people.documents.country')} hint={t('people.documents.countryHint')} value={country} onChange={setCountry} required autoFocus />
          <Field id="document-number" label={t('people.documents.number')} value={number} onChange={setNumber} />
        </div>
        <div className="field-row">
          <Field id="document-valid-from" type="date" label={t('people.documents.validFrom')} value={validFrom} onChange={setValidFrom} invalid={invalid === 'invalidDates'} />
          <Field id="document-valid-until" type="date" label={t('people.documents.validUntil')} value={validUntil} onChange={setValidUntil} invalid={invalid === 'invalidDates'} />
        </div>
        {isVisa && (
          <fieldset>
            <legend>{t('people.documents.kinds.visa')}</legend>
            <div className="field-row">
              <Field id="document-visa-type" label={t('people.documents.visaType')} value={visaType} onChange={setVisaType} />
              <div className="field">
                <label htmlFor="document-entries">{t('people.documents.entries')}</label>
                <select id="document-entries" data-testid="document-entries" value={entries} onChange={(e) => setEntries(e.target.value as Entries | '')}>
                  <option value="">{t('people.documents.entriesNone')}</option>
                  {visaEntries.map((e) => (
                    <option key={e} value={e}>
                      {t(`people.documents.entryKinds.${e}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <label className="checkbox">
              <input type="checkbox" data-testid="document-needed" checked={needed} onChange={(e) => setNeeded(e.target.checked)} />
              {t('people.documents.neededForTravel')}
            </label>
          </fieldset>
        )}
        <Field id="document-notes" label={t('people.documents.notes')} value={notes} onChange={setNotes} multiline />
        <Alert testId="document-error" message={invalid ? t(`people.documents.${invalid}`) : null} code={save.error ?? remove.error} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="document-save" disabled={busy}>
            {save.busy ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" data-testid="document-cancel" onClick={close} disabled={busy}>
            {t('editor.cancel')}
          </button>
          {stored && (
            <ConfirmDelete testId="document-delete" question={t('people.documents.confirmDelete')} busy={busy} onConfirm={() => void remove.run(stored.id)} />
          )}
        </div>
      </form>
    </section>
  )
}
