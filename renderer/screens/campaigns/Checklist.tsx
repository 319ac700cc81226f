import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { checklistStatuses, type ChecklistStatus } from '../../../shared/readiness/checklist'
import type { ItemReadiness } from '../../../shared/readiness/rules'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import '../../components/linkButton.css'
import { readinessText } from '../../i18n/calendarFormat'
import { useCampaigns } from '../../state/campaigns'
import { openFixPlace } from './openFixPlace'

/** The "Getting ready" checklist: each item with its state, and the user's own items. */
export function Checklist() {
  const { t } = useTranslation()
  const readiness = useCampaigns((s) => s.readiness)
  if (readiness === null) return null
  return (
    <div>
      <h2>{t('campaigns.checklist.title')}</h2>
      <ol className="checklist" data-testid="checklist">
        {readiness.items.map((item) => (
          <ChecklistRow key={`${item.id}-${item.status}-${item.notes}-${item.dueDate}`} item={item} />
        ))}
      </ol>
      <AddItem />
    </div>
  )
}

/** One state per item: a hand mark never shows beside the vault's own verdict. */
function stateOf(item: ItemReadiness): { tag: 'met' | 'notMet' | 'notApplicable' | 'markedDone'; css: string } {
  if (!item.applicable) return { tag: 'notApplicable', css: 'state-neutral' }
  if (item.markedDone) return { tag: 'markedDone', css: 'state-warn' }
  return item.met ? { tag: 'met', css: 'state-good' } : { tag: 'notMet', css: 'state-bad' }
}

// The vault decides whether a checked item is ready, so "in progress" says nothing there.
const automaticStatuses = ['open', 'done', 'not_applicable'] as const

function StatusSelect({ item, id, busy, onChange }: { item: ItemReadiness; id: string; busy: boolean; onChange(status: ChecklistStatus): void }) {
  const { t } = useTranslation()
  const automatic = item.automatic
  const value = automatic && item.status === 'in_progress' ? 'open' : item.status
  return (
    <div className="field">
      <label htmlFor={id}>{t('campaigns.checklist.status')}</label>
      <select id={id} data-testid={id} value={value} disabled={busy} onChange={(e) => onChange(e.target.value as ChecklistStatus)}>
        {automatic
          ? automaticStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`campaigns.checklist.automaticStatuses.${status}`)}
              </option>
            ))
          : checklistStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`campaigns.checklist.statuses.${status}`)}
              </option>
            ))}
      </select>
    </div>
  )
}

function Reasons({ item }: { item: ItemReadiness }) {
  const { t } = useTranslation()
  const open = useAction(openFixPlace)
  if (item.reasons.length === 0) return null
  return (
    <>
      {item.markedDone && (
        <p className="hint" data-testid="checklist-item-marked">
          {t('campaigns.checklist.markedDoneSees')}
        </p>
      )}
      <ul className="reasons">
        {item.reasons.map((reason, i) => (
          <li key={i} data-testid="checklist-reason">
            {readinessText(reason)}{' '}
            {reason.fix && (
              <button type="button" className="link" data-testid="checklist-fix" data-place={reason.fix.place} onClick={() => void open.run(reason.fix!)}>
                {t(`campaigns.checklist.fix.${reason.fix.place}`)}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Alert testId="checklist-fix-error" code={open.error} />
    </>
  )
}

function ChecklistRow({ item }: { item: ItemReadiness }) {
  const { t } = useTranslation()
  const [notes, setNotes] = useState(item.notes)
  const [dueDate, setDueDate] = useState(item.dueDate ?? '')
  const update = useAction(useCampaigns((s) => s.updateItem))
  const remove = useAction(useCampaigns((s) => s.deleteItem))
  const state = stateOf(item)
  const prefix = `checklist-${item.kind === 'custom' ? item.id : item.kind}`

  return (
    <li className="checklist-item" data-testid="checklist-item" data-kind={item.kind}>
      <div className="checklist-head">
        <strong data-testid="checklist-item-title">{readinessText(item.title)}</strong>
        <span className={`state-tag ${state.css}`} data-testid="checklist-item-state">
          {t(`campaigns.checklist.${state.tag}`)}
        </span>
      </div>
      <p className="hint">{item.automatic ? t('campaigns.checklist.automatic') : t('campaigns.checklist.manual')}</p>
      <Reasons item={item} />
      <StatusSelect item={item} id={`${prefix}-status`} busy={update.busy} onChange={(status) => void update.run(item.id, { status })} />
      <details className="checklist-more">
        <summary>{t('campaigns.checklist.notes')}</summary>
        <Field id={`${prefix}-notes`} label={t('campaigns.checklist.notes')} value={notes} onChange={setNotes} multiline />
        <Field id={`${prefix}-due`} type="date" label={t('campaigns.checklist.due')} value={dueDate} onChange={setDueDate} />
        <div className="actions">
          <button type="button" data-testid={`${prefix}-save`} disabled={update.busy} onClick={() => void update.run(item.id, { notes, dueDate: dueDate || null })}>
            {t('campaigns.checklist.saveItem')}
          </button>
          {item.kind === 'custom' && (
            <button type="button" className="danger" data-testid={`${prefix}-remove`} disabled={remove.busy} onClick={() => void remove.run(item.id)}>
              {t('campaigns.checklist.remove')}
            </button>
          )}
        </div>
      </details>
      <Alert testId={`${prefix}-error`} code={update.error ?? remove.error} />
    </li>
  )
}

function AddItem() {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [dueDate, setDueDate] = useState('')
  const [invalid, setInvalid] = useState(false)
  const add = useAction(useCampaigns((s) => s.addItem))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setInvalid(!title.trim())
    if (!title.trim()) return
    if (await add.run(title.trim(), dueDate || null)) {
      setTitle('')
      setDueDate('')
    }
  }

  return (
    <form className="panel add-item" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-item-title">
      <h3 id="add-item-title">{t('campaigns.checklist.addTitle')}</h3>
      <Field id="checklist-new-title" label={t('campaigns.checklist.customTitle')} value={title} onChange={setTitle} />
      <Field id="checklist-new-due" type="date" label={t('campaigns.checklist.due')} value={dueDate} onChange={setDueDate} />
      <Alert testId="checklist-new-error" message={invalid ? t('campaigns.checklist.invalidTitle') : null} code={add.error} />
      <button type="submit" data-testid="checklist-new-add" disabled={add.busy}>
        {t('campaigns.checklist.add')}
      </button>
    </form>
  )
}
