import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { campaignInput, campaignStatuses, type CampaignInput, type CampaignTask } from '../../../shared/domain/campaign'
import type { CampaignDetail } from '../../../shared/recordViews'
import { Alert } from '../../components/Alert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { useCampaigns } from '../../state/campaigns'
import { usePeople } from '../../state/people'
import { TaskList } from './TaskList'

type Status = (typeof campaignStatuses)[number]

interface Form {
  title: string
  startDate: string
  endDate: string
  status: Status
  goals: string
  notes: string
  pressContact: string
  passportMarginMonths: string
  visaMarginDays: string
  warningDays: string
  tasks: CampaignTask[]
}

const defaults = campaignInput.parse({ title: '-' })

function toForm(c: CampaignDetail | 'new'): Form {
  const source = c === 'new' ? { ...defaults, title: '' } : c
  return {
    title: source.title,
    startDate: source.startDate ?? '',
    endDate: source.endDate ?? '',
    status: source.status,
    goals: source.goals,
    notes: source.notes,
    pressContact: source.pressContact,
    passportMarginMonths: String(source.passportMarginMonths),
    visaMarginDays: String(source.visaMarginDays),
    warningDays: String(source.warningDays),
    tasks: source.tasks,
  }
}

function toInput(form: Form): CampaignInput {
  // An empty number box is not zero: Number('') would silently say 0.
  const whole = (value: string) => (value.trim() === '' ? Number.NaN : Number(value))
  return {
    ...form,
    startDate: form.startDate || null,
    endDate: form.endDate || null,
    passportMarginMonths: whole(form.passportMarginMonths),
    visaMarginDays: whole(form.visaMarginDays),
    warningDays: whole(form.warningDays),
  }
}

type Problem = 'invalidTitle' | 'invalidDates' | 'invalidTask' | 'invalidNumber'
const problems: Record<string, Problem> = {
  title: 'invalidTitle',
  endDate: 'invalidDates',
  startDate: 'invalidDates',
  tasks: 'invalidTask',
  passportMarginMonths: 'invalidNumber',
  visaMarginDays: 'invalidNumber',
  warningDays: 'invalidNumber',
}

function validate(input: CampaignInput): Problem | null {
  const field = campaignInput.safeParse(input).error?.issues[0]?.path[0]
  return field === undefined ? null : (problems[String(field)] ?? 'invalidTitle')
}

/** The campaign's own fields, its participants and its plan. */
export function CampaignEditor({ campaign }: { campaign: CampaignDetail | 'new' }) {
  const { t } = useTranslation()
  const [form, setForm] = useState<Form>(() => toForm(campaign))
  const [participants, setParticipants] = useState<string[]>(campaign === 'new' ? [] : campaign.participantIds)
  const [saved, setSaved] = useState(false)
  const people = usePeople((s) => s.everyone)
  const loadPeople = useAction(usePeople((s) => s.loadEveryone))
  const save = useAction(useCampaigns((s) => s.save))
  const remove = useAction(useCampaigns((s) => s.remove))
  const busy = save.busy || remove.busy
  const runLoadPeople = loadPeople.run
  const check = useFormCheck(() => validate(toInput(form)))
  const invalid = check.problem

  useEffect(() => {
    void runLoadPeople()
  }, [runLoadPeople])

  const update = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false)
    setForm((f) => ({ ...f, [key]: value }))
  }
  const toggle = (id: string, on: boolean) => {
    setSaved(false)
    setParticipants((ids) => (on ? [...ids, id] : ids.filter((p) => p !== id)))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!check.attempt()) setSaved(await save.run(toInput(form), participants))
  }

  return (
    <form ref={check.formRef} className="editor" onSubmit={(e) => void submit(e)} noValidate>
      <Field id="campaign-title" label={t('campaigns.editor.title')} value={form.title} onChange={(v) => update('title', v)} invalid={invalid === 'invalidTitle'} required autoFocus />
      <div className="field-row">
        <Field id="campaign-start" type="date" label={t('campaigns.editor.start')} value={form.startDate} onChange={(v) => update('startDate', v)} invalid={invalid === 'invalidDates'} />
        <Field id="campaign-end" type="date" label={t('campaigns.editor.end')} value={form.endDate} onChange={(v) => update('endDate', v)} invalid={invalid === 'invalidDates'} />
        <div className="field">
          <label htmlFor="campaign-status">{t('campaigns.editor.status')}</label>
          <select id="campaign-status" data-testid="campaign-status" value={form.status} onChange={(e) => update('status', e.target.value as Status)}>
            {campaignStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`campaigns.editor.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field id="campaign-goals" label={t('campaigns.editor.goals')} value={form.goals} onChange={(v) => update('goals', v)} multiline />
      <Field
        id="campaign-press-contact"
        label={t('campaigns.editor.pressContact')}
        hint={t('campaigns.editor.pressContactHint')}
        value={form.pressContact}
        onChange={(v) => update('pressContact', v)}
      />

      <fieldset>
        <legend>{t('campaigns.editor.participants')}</legend>
        <p className="hint">{t('campaigns.editor.participantsHint')}</p>
        {people.length === 0 ? (
          <p className="hint">{t('campaigns.editor.noPeople')}</p>
        ) : (
          <div className="choices">
            {people.map((person) => (
              <label key={person.id} className="checkbox">
                <input
                  type="checkbox"
                  data-testid="campaign-participant"
                  data-name={person.name}
                  checked={participants.includes(person.id)}
                  onChange={(e) => toggle(person.id, e.target.checked)}
                />
                {person.name}
              </label>
            ))}
          </div>
        )}
        <Alert testId="campaign-people-error" code={loadPeople.error} />
      </fieldset>

      <TaskList tasks={form.tasks} onChange={(tasks) => update('tasks', tasks)} />

      <fieldset>
        <legend>{t('campaigns.editor.margins')}</legend>
        <div className="field-row">
          <Field id="campaign-passport-margin" type="number" label={t('campaigns.editor.passportMargin')} value={form.passportMarginMonths} onChange={(v) => update('passportMarginMonths', v)} invalid={invalid === 'invalidNumber'} />
          <Field id="campaign-visa-margin" type="number" label={t('campaigns.editor.visaMargin')} value={form.visaMarginDays} onChange={(v) => update('visaMarginDays', v)} invalid={invalid === 'invalidNumber'} />
          <Field id="campaign-warning-days" type="number" label={t('campaigns.editor.warningDays')} value={form.warningDays} onChange={(v) => update('warningDays', v)} invalid={invalid === 'invalidNumber'} />
        </div>
      </fieldset>

      <Field id="campaign-notes" label={t('campaigns.editor.notes')} value={form.notes} onChange={(v) => update('notes', v)} multiline />

      <Alert testId="campaign-error" message={invalid ? t(`campaigns.editor.${invalid}`) : null} code={save.error ?? remove.error} />
      {saved && (
        <p role="status" className="success" data-testid="campaign-saved">
          {t('campaigns.editor.saved')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="campaign-save" disabled={busy}>
          {save.busy ? t('editor.saving') : t('editor.save')}
        </button>
        {campaign !== 'new' && (
          <ConfirmDelete testId="campaign-delete" question={t('campaigns.editor.confirmDelete')} busy={busy} onConfirm={() => void remove.run(campaign.id)} />
        )}
      </div>
    </form>
  )
}
