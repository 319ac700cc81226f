import { useState } from 'react'
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
import { Checklist, Select } from '../../components/form/Choices'
import { useRecordForm, type FieldSpecs } from '../../components/form/useRecordForm'
import { formatDate } from '../../i18n'
import { useEvidence, type Named } from '../../state/evidence'
import { Annotations } from './Annotations'
import { CustodyLog } from './CustodyLog'
import { formatBytes, hashPrefix } from './format'
import { ImportFiles } from './ImportFiles'

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

const fields: FieldSpecs<Form> = {
  title: { id: 'incident-title', label: 'evidence.editor.incidentTitle', required: true, problem: 'evidence.editor.invalidTitle' },
  kind: { id: 'incident-kind', kind: 'select', label: 'evidence.editor.kind', options: incidentKinds.map((k) => ({ value: k, label: `evidence.kinds.${k}` })) },
  severity: { id: 'incident-severity', kind: 'select', label: 'evidence.editor.severity', options: severities.map((s) => ({ value: s, label: `evidence.severities.${s}` })) },
  occurredOn: { id: 'incident-date', kind: 'date', label: 'evidence.editor.date', required: true, problem: 'evidence.editor.invalidDate' },
  occurredTime: { id: 'incident-time', kind: 'time', label: 'evidence.editor.time' },
  timeZone: { id: 'incident-zone', label: 'evidence.editor.timeZone', hint: 'evidence.editor.timeZoneHint' },
  platform: { id: 'incident-platform', label: 'evidence.editor.platform' },
  url: { id: 'incident-url', label: 'evidence.editor.url', problem: 'evidence.editor.invalidUrl' },
  place: { id: 'incident-place', label: 'evidence.editor.place' },
  perpetrators: { id: 'incident-perpetrators', kind: 'textarea', label: 'evidence.editor.perpetrators' },
  witnesses: { id: 'incident-witnesses', kind: 'textarea', label: 'evidence.editor.witnesses' },
  description: { id: 'incident-description', kind: 'textarea', label: 'evidence.editor.description' },
}

const testIds = { personIds: 'incident-people', perpetratorContactIds: 'incident-perpetrator-contacts', witnessContactIds: 'incident-witness-contacts' } as const

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function IncidentEditor({ incident }: { incident: Incident | 'new' }) {
  const { t } = useTranslation()
  const stored = incident === 'new' ? null : incident
  const [saved, setSaved] = useState(false)
  const { options, files, filesLoaded } = useEvidence()
  // A file deleted in the viewer is gone from the vault: it is neither shown nor sent.
  const present = (ids: string[]) => (filesLoaded ? ids.filter((id) => files[id]) : ids)
  const close = useEvidence((s) => s.close)
  const view = useEvidence((s) => s.view)
  const save = useEvidence((s) => s.save)
  const remove = useEvidence((s) => s.remove)
  // The logs beside the record are read again whenever it changes.
  const [version, setVersion] = useState(0)
  const editor = useRecordForm({
    initial: () => (stored ? toForm(stored) : emptyForm()),
    fields,
    toInput: (form: Form) => toInput({ ...form, fileIds: present(form.fileIds) }),
    schema: incidentCreateInput,
    testId: 'incident',
    save,
    remove: stored ? () => remove(stored.id) : undefined,
    onSaved: (ok) => {
      setSaved(ok)
      if (ok) setVersion((v) => v + 1)
    },
    onEdit: () => setSaved(false),
  })
  const { form, update } = editor
  const fileIds = present(form.fileIds)

  const setTime = (time: string) => {
    update('occurredTime', time)
    if (time && !form.timeZone) update('timeZone', localZone())
  }

  const imported = async (added: string[]) => {
    await useEvidence.getState().loadFiles()
    update('fileIds', (ids) => [...ids, ...added.filter((id) => !ids.includes(id))])
    setVersion((v) => v + 1)
  }

  const campaignOptions = [{ value: '', label: t('evidence.editor.noCampaign') }, ...options.campaigns.map((c) => ({ value: c.id, label: c.name }))]
  const pickNames = (key: 'personIds' | 'perpetratorContactIds' | 'witnessContactIds', legend: string, items: Named[], empty: string) => (
    <Checklist testId={testIds[key]} legend={legend} items={items} selected={form[key]} empty={empty} onChange={(ids) => update(key, ids)} />
  )

  return (
    <section aria-labelledby="incident-heading">
      <div className="section-header">
        <h1 id="incident-heading">{stored ? stored.title : t('evidence.editor.newTitle')}</h1>
        <button type="button" data-testid="incident-back" onClick={close} disabled={editor.busy}>
          {t('evidence.back')}
        </button>
      </div>
      {stored && (
        <p className="hint" data-testid="incident-recorded">
          {t('evidence.editor.recordedAt', { date: formatDate(stored.createdAt) })}
        </p>
      )}
      <div className="incident-layout">
        <form {...editor.formProps} className="editor incident-form">
          {editor.field('title', { autoFocus: !stored })}
          <div className="field-row">
            {editor.field('kind')}
            {editor.field('severity')}
          </div>
          <fieldset>
            <legend>{t('evidence.editor.when')}</legend>
            <div className="field-row">
              {editor.field('occurredOn')}
              {editor.field('occurredTime', { onChange: setTime })}
              {editor.field('timeZone')}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t('evidence.editor.where')}</legend>
            <div className="field-row">
              {editor.field('platform')}
              {editor.field('url')}
            </div>
            {editor.field('place')}
          </fieldset>
          <fieldset>
            <legend>{t('evidence.editor.who')}</legend>
            {editor.field('perpetrators')}
            {pickNames('perpetratorContactIds', t('evidence.editor.perpetratorContacts'), options.contacts, t('evidence.editor.noContacts'))}
            {editor.field('witnesses')}
            {pickNames('witnessContactIds', t('evidence.editor.witnessContacts'), options.contacts, t('evidence.editor.noContacts'))}
          </fieldset>
          {editor.field('description')}
          {pickNames('personIds', t('evidence.editor.people'), options.people, t('evidence.editor.noPeople'))}
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

          {editor.error()}
          {editor.actions({ deleteQuestion: t('evidence.editor.confirmDelete'), deleteLabel: t('evidence.editor.delete') })}
          {saved && (
            <p className="success" role="status" data-testid="incident-saved">
              {t('evidence.editor.savedNote')}
            </p>
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
