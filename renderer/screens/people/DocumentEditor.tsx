import { useTranslation } from 'react-i18next'
import { documentKinds, travelDocumentInput, visaEntries, type TravelDocumentInput } from '../../../shared/domain/travelDocument'
import type { TravelDocument } from '../../../shared/recordViews'
import { useRecordForm, type FieldSpecs } from '../../components/form/useRecordForm'
import { usePeople, type DocumentDraft, type DocumentKind } from '../../state/people'

interface Form {
  kind: DocumentKind
  issuingCountry: string
  number: string
  validFrom: string
  validUntil: string
  visaType: string
  entries: (typeof visaEntries)[number] | ''
  neededForTravel: boolean
  notes: string
}

const fields: FieldSpecs<Form> = {
  kind: { id: 'document-kind', kind: 'select', label: 'people.documents.kind', options: documentKinds.map((k) => ({ value: k, label: `people.documents.kinds.${k}` })) },
  issuingCountry: { id: 'document-country', label: 'people.documents.country', hint: 'people.documents.countryHint', required: true, problem: 'people.documents.invalidCountry' },
  number: { id: 'document-number', label: 'people.documents.number' },
  validFrom: { id: 'document-valid-from', kind: 'date', label: 'people.documents.validFrom', problem: 'people.documents.invalidDates' },
  validUntil: { id: 'document-valid-until', kind: 'date', label: 'people.documents.validUntil', problem: 'people.documents.invalidDates' },
  visaType: { id: 'document-visa-type', label: 'people.documents.visaType' },
  entries: {
    id: 'document-entries',
    kind: 'select',
    label: 'people.documents.entries',
    options: [{ value: '', label: 'people.documents.entriesNone' }, ...visaEntries.map((e) => ({ value: e, label: `people.documents.entryKinds.${e}` as const }))],
  },
  neededForTravel: { id: 'document-needed', kind: 'checkbox', label: 'people.documents.neededForTravel' },
  notes: { id: 'document-notes', kind: 'textarea', label: 'people.documents.notes' },
}

function toForm(stored: TravelDocument | null): Form {
  return {
    kind: stored?.kind ?? 'passport',
    issuingCountry: stored?.issuingCountry ?? '',
    number: stored?.number ?? '',
    validFrom: stored?.validFrom ?? '',
    validUntil: stored?.validUntil ?? '',
    visaType: stored?.visaType ?? '',
    entries: stored?.entries ?? '',
    neededForTravel: stored?.neededForTravel ?? false,
    notes: stored?.notes ?? '',
  }
}

/** A passport, ID, visa or residence permit of one person. */
export function DocumentEditor({ draft }: { draft: DocumentDraft }) {
  const { t } = useTranslation()
  const stored = 'document' in draft ? draft.document : null
  const personId = stored?.personId ?? ('personId' in draft ? draft.personId : '')
  const holder = usePeople((s) => s.everyone.find((p) => p.id === personId)?.name ?? '')
  const close = usePeople((s) => s.closeEditor)
  const save = usePeople((s) => s.saveDocument)
  const remove = usePeople((s) => s.removeDocument)
  const editor = useRecordForm({
    initial: () => toForm(stored),
    fields,
    toInput: (form: Form): TravelDocumentInput => {
      const isVisa = form.kind === 'visa'
      return {
        ...form,
        personId,
        validFrom: form.validFrom || null,
        validUntil: form.validUntil || null,
        // Visa details mean nothing on a passport; they are not kept there.
        visaType: isVisa ? form.visaType : '',
        entries: isVisa && form.entries ? form.entries : null,
        neededForTravel: isVisa && form.neededForTravel,
      }
    },
    schema: travelDocumentInput,
    otherwise: 'people.documents.invalidDates',
    testId: 'document',
    save,
    remove: stored ? () => remove(stored.id) : undefined,
  })

  return (
    <section>
      <h1>{stored ? t('people.documents.editTitle') : t('people.documents.newTitle')}</h1>
      <p className="hint" data-testid="document-holder">
        {t('people.documents.holder', { name: holder })}
      </p>
      <form {...editor.formProps}>
        <div className="field-row">
          {editor.field('kind')}
          {editor.field('issuingCountry', { autoFocus: true })}
          {editor.field('number')}
        </div>
        <div className="field-row">
          {editor.field('validFrom')}
          {editor.field('validUntil')}
        </div>
        {editor.form.kind === 'visa' && (
          <fieldset>
            <legend>{t('people.documents.kinds.visa')}</legend>
            <div className="field-row">
              {editor.field('visaType')}
              {editor.field('entries')}
            </div>
            {editor.field('neededForTravel')}
          </fieldset>
        )}
        {editor.field('notes')}
        {editor.error()}
        {editor.actions({ onCancel: close, deleteQuestion: t('people.documents.confirmDelete') })}
      </form>
    </section>
  )
}
