import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { campaignInput, campaignStatuses, type CampaignInput, type CampaignTask } from '../../../shared/domain/campaign'
import type { CampaignDetail } from '../../../shared/recordViews'
import { Alert } from '../../components/Alert'
import { Checklist } from '../../components/form/Choices'
import { useRecordForm, type FieldSpecs } from '../../components/form/useRecordForm'
import { useAction } from '../../components/useAction'
import { useCampaigns } from '../../state/campaigns'
import { usePeople } from '../../state/people'
import { TaskList } from './TaskList'

interface Form {
  title: string
  startDate: string
  endDate: string
  status: (typeof campaignStatuses)[number]
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

const fields: FieldSpecs<Form> = {
  title: { id: 'campaign-title', label: 'campaigns.editor.title', required: true, problem: 'campaigns.editor.invalidTitle' },
  startDate: { id: 'campaign-start', kind: 'date', label: 'campaigns.editor.start', problem: 'campaigns.editor.invalidDates' },
  endDate: { id: 'campaign-end', kind: 'date', label: 'campaigns.editor.end', problem: 'campaigns.editor.invalidDates' },
  status: { id: 'campaign-status', kind: 'select', label: 'campaigns.editor.status', options: campaignStatuses.map((s) => ({ value: s, label: `campaigns.editor.statuses.${s}` })) },
  goals: { id: 'campaign-goals', kind: 'textarea', label: 'campaigns.editor.goals' },
  pressContact: { id: 'campaign-press-contact', label: 'campaigns.editor.pressContact', hint: 'campaigns.editor.pressContactHint' },
  passportMarginMonths: { id: 'campaign-passport-margin', kind: 'number', label: 'campaigns.editor.passportMargin', problem: 'campaigns.editor.invalidNumber' },
  visaMarginDays: { id: 'campaign-visa-margin', kind: 'number', label: 'campaigns.editor.visaMargin', problem: 'campaigns.editor.invalidNumber' },
  warningDays: { id: 'campaign-warning-days', kind: 'number', label: 'campaigns.editor.warningDays', problem: 'campaigns.editor.invalidNumber' },
  notes: { id: 'campaign-notes', kind: 'textarea', label: 'campaigns.editor.notes' },
}

/** The campaign's own fields, its participants and its plan. */
export function CampaignEditor({ campaign }: { campaign: CampaignDetail | 'new' }) {
  const { t } = useTranslation()
  const [participants, setParticipants] = useState<string[]>(campaign === 'new' ? [] : campaign.participantIds)
  const [saved, setSaved] = useState(false)
  const people = usePeople((s) => s.everyone)
  const loadPeople = useAction(usePeople((s) => s.loadEveryone))
  const save = useCampaigns((s) => s.save)
  const remove = useCampaigns((s) => s.remove)
  const runLoadPeople = loadPeople.run
  const editor = useRecordForm({
    initial: () => toForm(campaign),
    fields,
    toInput,
    schema: campaignInput,
    otherProblems: { tasks: 'campaigns.editor.invalidTask' },
    otherwise: 'campaigns.editor.invalidTitle',
    testId: 'campaign',
    save: (input) => save(input, participants),
    remove: campaign === 'new' ? undefined : () => remove(campaign.id),
    onSaved: setSaved,
    onEdit: () => setSaved(false),
  })

  useEffect(() => {
    void runLoadPeople()
  }, [runLoadPeople])

  const pick = (ids: string[]) => {
    setSaved(false)
    setParticipants(ids)
  }

  return (
    <form {...editor.formProps}>
      {editor.field('title', { autoFocus: true })}
      <div className="field-row">
        {editor.field('startDate')}
        {editor.field('endDate')}
        {editor.field('status')}
      </div>
      {editor.field('goals')}
      {editor.field('pressContact')}

      <Checklist
        legend={t('campaigns.editor.participants')}
        hint={t('campaigns.editor.participantsHint')}
        empty={t('campaigns.editor.noPeople')}
        items={people}
        selected={participants}
        onChange={pick}
        itemTestId="campaign-participant"
      />
      <Alert testId="campaign-people-error" code={loadPeople.error} />

      <TaskList tasks={editor.form.tasks} onChange={(tasks) => editor.update('tasks', tasks)} />

      <fieldset>
        <legend>{t('campaigns.editor.margins')}</legend>
        <div className="field-row">
          {editor.field('passportMarginMonths')}
          {editor.field('visaMarginDays')}
          {editor.field('warningDays')}
        </div>
      </fieldset>

      {editor.field('notes')}

      {editor.error()}
      {saved && (
        <p role="status" className="success" data-testid="campaign-saved">
          {t('campaigns.editor.saved')}
        </p>
      )}
      {editor.actions({ deleteQuestion: t('campaigns.editor.confirmDelete') })}
    </form>
  )
}
