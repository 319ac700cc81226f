import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { localToday } from '../../../shared/calendarDates'
import {
  incidentCreateInput,
  incidentKinds,
  severities,
  type Incident,
  type IncidentCreateInput,
  type IncidentKind,
  type Severity,
} from '../../../shared/domain/incident'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { formatDate } from '../../i18n'
import { useEvidence } from '../../state/evidence'
import { Annotations } from './Annotations'
import { CustodyLog } from './CustodyLog'
import { formatBytes, hashPrefix } from './format'
import { ImportFiles } from './ImportFiles'
import { NamedChecklist, Select } from './Pickers'

interface Form {
  title: string
  kind: IncidentKind
  occurredOn: string
  occurredTime: string
  timeZone: string
  severity: Severity
  platform: string
  url: string
  place: string
  perpetrators: string
  witnesses: string
  description: string
  campaignId: string
  personIds: string[]
  perpetratorContactIds: string[]
  witnessContactIds: string[]
  fileIds: string[]
}

const emptyForm = (): Form => ({
  title: '',
  kind: 'threat',
  occurredOn: localToday(),
  occurredTime: '',
  timeZone: '',
  severity: 'medium',
  platform: '',
  url: '',
  place: '',
  perpetrators: '',
  witnesses: '',
  description: '',
  campaignId: '',
  personIds: [],
  perpetratorContactIds: [],
  witnessContactIds: [],
  fileIds: [],
})

function toForm(incident: Incident): Form {
  return {
    ...incident,
    occurredTime: incident.occurredTime ?? '',
    timeZone: incident.timeZone ?? '',
    url: incident.url ?? '',
    campaignId: incident.campaignId ?? '',
  }
}

// Empty optional fields are "not recorded", not empty strings.
const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

function toInput(form: Form): IncidentCreateInput {
  return {
    ...form,
    occurredTime: orNull(form.occurredTime),
    timeZone: orNull(form.timeZone),
    url: orNull(form.url),
    campaignId: orNull(form.campaignId),
  }
}

type Problem = 'invalidTitle' | 'invalidDate' | 'invalidUrl'
const fieldProblems: Partial<Record<PropertyKey, Problem>> = { title: 'invalidTitle', occurredOn: 'invalidDate', url: 'invalidUrl' }

/** The contract's own schema names the field; anything else is left to the vault's answer. */
function validate(input: IncidentCreateInput): Problem | null {
  const field = incidentCreateInput.safeParse(input).error?.issues[0]?.path[0]
  return field === undefined ? null : (fieldProblems[field] ?? null)
}

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function IncidentEditor({ incident }: { incident: Incident | 'new' }) {
  const { t } = useTranslation()
  const stored = incident === 'new' ? null : incident
  const [form, setForm] = useState<Form>(stored ? toForm(stored) : emptyForm)
  const [invalid, setInvalid] = useState<Problem | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [saved, setSaved] = useState(false)
  const { options, files, filesLoaded } = useEvidence()
  // A file deleted in the viewer is gone from the vault: it is neither shown nor sent.
  const fileIds = filesLoaded ? form.fileIds.filter((id) => files[id]) : form.fileIds
  const close = useEvidence((s) => s.close)
  const view = useEvidence((s) => s.view)
  const save = useAction(useEvidence((s) => s.save))
  const remove = useAction(useEvidence((s) => s.remove))
  const busy = save.busy || remove.busy
  // The logs beside the record are read again whenever it changes.
  const [version, setVersion] = useState(0)

  const update = <K extends keyof Form>(key: K, value: Form[K]) => {
    setSaved(false)
    setForm((f) => ({ ...f, [key]: value }))
  }
  const setTime = (time: string) => {
    update('occurredTime', time)
    if (time && !form.timeZone) update('timeZone', localZone())
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const input = toInput({ ...form, fileIds })
    const problem = validate(input)
    setInvalid(problem)
    if (problem) return
    if (await save.run(input)) {
      setSaved(true)
      setVersion((v) => v + 1)
    }
  }

  const imported = async (added: string[]) => {
    await useEvidence.getState().loadFiles()
    setForm((f) => ({ ...f, fileIds: [...f.fileIds, ...added.filter((id) => !f.fileIds.includes(id))] }))
    setVersion((v) => v + 1)
  }

  const kindOptions = incidentKinds.map((kind) => ({ value: kind, label: t(`evidence.kinds.${kind}`) }))
  const severityOptions = severities.map((s) => ({ value: s, label: t(`evidence.severities.${s}`) }))
  const campaignOptions = [{ value: '', label: t('evidence.editor.noCampaign') }, ...options.campaigns.map((c) => ({ value: c.id, label: c.name }))]

  return (
    <section aria-labelledby="incident-heading">
      <div className="section-header">
        <h1 id="incident-heading">{stored ? stored.title : t('evidence.editor.newTitle')}</h1>
        <button type="button" data-testid="incident-back" onClick={close} disabled={busy}>
          {t('evidence.back')}
        </button>
      </div>
      {stored && (
        <p className="hint" data-testid="incident-recorded">
          {t('evidence.editor.recordedAt', { date: formatDate(stored.createdAt) })}
        </p>
      )}
      <div className="incident-layout">
        <form className="editor incident-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field id="incident-title" label={t('evidence.editor.incidentTitle')} value={form.title} onChange={(v) => update('title', v)} autoFocus={!stored} required />
          <div className="field-row">
            <Select id="incident-kind" label={t('evidence.editor.kind')} value={form.kind} options={kindOptions} onChange={(v) => update('kind', v as IncidentKind)} />
            <Select id="incident-severity" label={t('evidence.editor.severity')} value={form.severity} options={severityOptions} onChange={(v) => update('severity', v as Severity)} />
          </div>
          <fieldset>
            <legend>{t('evidence.editor.when')}</legend>
            <div className="field-row">
              <Field id="incident-date" type="date" label={t('evidence.editor.date')} value={form.occurredOn} onChange={(v) => update('occurredOn', v)} required />
              <Field id="incident-time" type="time" label={t('evidence.editor.time')} value={form.occurredTime} onChange={setTime} />
              <Field id="incident-zone" label={t('evidence.editor.timeZone')} value={form.timeZone} onChange={(v) => update('timeZone', v)} hint={t('evidence.editor.timeZoneHint')} />
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('evidence.editor.where')}</legend>
            <div className="field-row">
              <Field id="incident-platform" label={t('evidence.editor.platform')} value={form.platform} onChange={(v) => update('platform', v)} />
              <Field id="incident-url" label={t('evidence.editor.url')} value={form.url} onChange={(v) => update('url', v)} />
            </div>
            <Field id="incident-place" label={t('evidence.editor.place')} value={form.place} onChange={(v) => update('place', v)} />
          </fieldset>
          <fieldset>
            <legend>{t('evidence.editor.who')}</legend>
            <Field id="incident-perpetrators" label={t('evidence.editor.perpetrators')} value={form.perpetrators} onChange={(v) => update('perpetrators', v)} multiline />
            <NamedChecklist
              testId="incident-perpetrator-contacts"
              legend={t('evidence.editor.perpetratorContacts')}
              items={options.contacts}
              selected={form.perpetratorContactIds}
              empty={t('evidence.editor.noContacts')}
              onChange={(ids) => update('perpetratorContactIds', ids)}
            />
            <Field id="incident-witnesses" label={t('evidence.editor.witnesses')} value={form.witnesses} onChange={(v) => update('witnesses', v)} multiline />
            <NamedChecklist
              testId="incident-witness-contacts"
              legend={t('evidence.editor.witnessContacts')}
              items={options.contacts}
              selected={form.witnessContactIds}
              empty={t('evidence.editor.noContacts')}
              onChange={(ids) => update('witnessContactIds', ids)}
            />
          </fieldset>
          <Field id="incident-description" label={t('evidence.editor.description')} value={form.description} onChange={(v) => update('description', v)} multiline />
          <NamedChecklist
            testId="incident-people"
            legend={t('evidence.editor.people')}
            items={options.people}
            selected={form.personIds}
            empty={t('evidence.editor.noPeople')}
            onChange={(ids) => update('personIds', ids)}
          />
          <Select id="incident-campaign" label={t('evidence.editor.campaign')} value={form.campaignId} options={campaignOptions} onChange={(v) => update('campaignId', v)} />

          <fieldset>
            <legend>{t('evidence.editor.files')}</legend>
            {fileIds.length === 0 ? (
              <p className="hint">{t('evidence.editor.noFiles')}</p>
            ) : (
              <ul className="file-list" data-testid="incident-files">
                {fileIds.map((id) => {
                  const file = files[id]
                  return (
                    <li key={id} className="file-row" data-testid="incident-file">
                      <span className="file-name" data-testid="incident-file-name">
                        {file?.name ?? id}
                      </span>
                      {file && (
                        <span className="hint">
                          {file.mime}, {formatBytes(file.size)}, <code title={file.sha256}>{hashPrefix(file.sha256)}</code>
                        </span>
                      )}
                      <span className="file-actions">
                        {file && (
                          <button type="button" data-testid="incident-file-view" onClick={() => view(file)}>
                            {t('evidence.editor.view')}
                          </button>
                        )}
                        <button type="button" onClick={() => update('fileIds', form.fileIds.filter((f) => f !== id))}>
                          {t('evidence.editor.detach')}
                        </button>
                      </span>
                    </li>
                  )
                })}
              </ul>
            )}
            <ImportFiles incidentId={stored?.id} onImported={(ids) => void imported(ids)} />
            {!stored && fileIds.length > 0 && <p className="hint">{t('evidence.editor.unsaved')}</p>}
          </fieldset>

          {invalid && (
            <p role="alert" className="alert" data-testid="incident-invalid">
              {t(`evidence.editor.${invalid}`)}
            </p>
          )}
          <Alert testId="incident-error" code={save.error ?? remove.error} />
          <div className="actions">
            <button type="submit" className="primary" data-testid="incident-save" disabled={busy}>
              {save.busy ? t('evidence.editor.saving') : t('evidence.editor.save')}
            </button>
            {stored && !confirming && (
              <button type="button" className="danger" data-testid="incident-delete" onClick={() => setConfirming(true)} disabled={busy}>
                {t('evidence.editor.delete')}
              </button>
            )}
          </div>
          {saved && (
            <p className="success" role="status" data-testid="incident-saved">
              {t('evidence.editor.savedNote')}
            </p>
          )}
          {stored && confirming && (
            <div className="confirm" role="alertdialog" aria-labelledby="confirm-incident-delete">
              <p id="confirm-incident-delete">{t('evidence.editor.confirmDelete')}</p>
              <button type="button" className="danger" data-testid="incident-delete-confirm" onClick={() => void remove.run(stored.id)} disabled={busy}>
                {t('evidence.editor.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
                {t('evidence.editor.cancel')}
              </button>
            </div>
          )}
        </form>
        {stored && (
          <aside className="incident-side">
            <Annotations id={stored.id} version={String(version)} onAdded={() => setVersion((v) => v + 1)} />
            <CustodyLog subjectType="incident" id={stored.id} version={String(version)} />
          </aside>
        )}
      </div>
    </section>
  )
}
