import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportChoice } from '../../../shared/bundle'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { Select } from '../../components/form/Choices'
import { JobProgress } from '../../components/JobProgress'
import { NewPassphrase } from '../../components/NewPassphrase'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { checkNewPassphrase, type PassphraseProblem } from '../../components/validation'
import { useAllies } from '../../state/allies'
import { useFirstSteps } from '../../state/firstSteps'
import { reportError } from '../../state/session'
import { formatBytes } from '../evidence/format'
import { LocalProblem } from './LocalProblem'

type ExportProblem = 'allies.export.chooseRecords' | 'allies.export.chooseAllies' | PassphraseProblem
type What = 'whole' | 'campaign' | 'incidents' | 'contact'
type To = 'allies' | 'passphrase'
interface Option {
  id: string
  label: string
}

/** What the vault holds to choose from; at most a page of each, which is plenty for a person's choice. */
async function loadOptions() {
  const [campaigns, incidents, contacts] = await Promise.all([
    call('listCampaigns', { limit: 1000 }),
    call('listIncidents', { limit: 500 }),
    call('listContacts', { limit: 500 }),
  ])
  const options = (items: { id: string; title?: string; name?: string }[]): Option[] => items.map((i) => ({ id: i.id, label: i.title ?? i.name ?? '' }))
  return { campaign: options(campaigns.items), incidents: options(incidents.items), contact: options(contacts.items) }
}

function choiceOf(what: What, campaignId: string, incidentIds: string[], contactId: string): ExportChoice | null {
  if (what === 'whole') return 'whole'
  if (what === 'campaign') return campaignId ? { campaignIds: [campaignId] } : null
  if (what === 'contact') return contactId ? { contactIds: [contactId] } : null
  return incidentIds.length ? { incidentIds } : null
}

export function ExportBundle() {
  const { t } = useTranslation()
  const allies = useAllies((s) => s.allies)
  const [options, setOptions] = useState<Awaited<ReturnType<typeof loadOptions>> | null>(null)
  const [what, setWhat] = useState<What>('whole')
  const [campaignId, setCampaignId] = useState('')
  const [contactId, setContactId] = useState('')
  const [incidentIds, setIncidentIds] = useState<string[]>([])
  const [to, setTo] = useState<To>('allies')
  const [allyIds, setAllyIds] = useState<string[]>([])
  const [secret, setSecret] = useState({ passphrase: '', repeat: '' })
  const check = useFormCheck((): ExportProblem | null => {
    if (choiceOf(what, campaignId, incidentIds, contactId) === null) return 'allies.export.chooseRecords'
    if (to === 'allies') return allyIds.length ? null : 'allies.export.chooseAllies'
    return checkNewPassphrase(secret.passphrase, secret.repeat)
  })
  const [jobId, setJobId] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ done: string; path: string } | { failed: ErrorCode } | 'cancelled' | null>(null)
  const load = useAction(async () => setOptions(await loadOptions()))
  const start = useAction(async (choice: ExportChoice) => {
    const started = await call('exportBundle', to === 'allies' ? { selection: choice, allyIds } : { selection: choice, passphrase: secret.passphrase })
    setSecret({ passphrase: '', repeat: '' })
    check.reset()
    if (started === null) setOutcome('cancelled')
    else setJobId(started.jobId)
  })
  const runLoad = load.run
  useEffect(() => {
    void runLoad()
  }, [runLoad])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setOutcome(null)
    const choice = choiceOf(what, campaignId, incidentIds, contactId)
    if (choice && !check.attempt()) void start.run(choice)
  }
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id))
  const picker = (kind: 'campaign' | 'contact', value: string, onChange: (id: string) => void) => {
    const items = options?.[kind] ?? []
    if (items.length === 0) return <p className="hint">{t('allies.export.noneToPick')}</p>
    const label = kind === 'campaign' ? t('allies.export.pickCampaign') : t('allies.export.pickContact')
    const choices = [{ value: '', label: '' }, ...items.map((item) => ({ value: item.id, label: item.label }))]
    return <Select id={`export-${kind}`} label={label} value={value} options={choices} onChange={onChange} />
  }

  return (
    <form ref={check.formRef} className="panel editor" onSubmit={submit} noValidate aria-labelledby="export-title" data-testid="export-form">
      <h2 id="export-title">{t('allies.export.title')}</h2>
      <fieldset>
        <legend>{t('allies.export.what')}</legend>
        {(['whole', 'campaign', 'incidents', 'contact'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="export-what" data-testid={`export-what-${kind}`} checked={what === kind} onChange={() => setWhat(kind)} />
            {t(`allies.export.${kind}`)}
          </label>
        ))}
      </fieldset>
      {what === 'campaign' && picker('campaign', campaignId, setCampaignId)}
      {what === 'contact' && picker('contact', contactId, setContactId)}
      {what === 'incidents' && (
        <fieldset>
          <legend>{t('allies.export.pickIncidents')}</legend>
          {(options?.incidents ?? []).length === 0 && <p className="hint">{t('allies.export.noneToPick')}</p>}
          {options?.incidents.map((item) => (
            <label key={item.id} className="checkbox">
              <input type="checkbox" checked={incidentIds.includes(item.id)} onChange={(e) => setIncidentIds(toggle(incidentIds, item.id, e.target.checked))} />
              {item.label}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset>
        <legend>{t('allies.export.toWhom')}</legend>
        {(['allies', 'passphrase'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" name="export-to" data-testid={`export-to-${kind}`} checked={to === kind} onChange={() => setTo(kind)} />
            {kind === 'allies' ? t('allies.export.toAllies') : t('allies.export.toPassphrase')}
          </label>
        ))}
      </fieldset>
      {to === 'allies' ? (
        <fieldset>
          <legend>{t('allies.list.title')}</legend>
          {allies.length === 0 && <p className="hint">{t('allies.export.noAllies')}</p>}
          {allies.map((ally) => (
            <label key={ally.id} className="checkbox">
              <input
                type="checkbox"
                data-testid="export-ally"
                checked={allyIds.includes(ally.id)}
                onChange={(e) => setAllyIds(toggle(allyIds, ally.id, e.target.checked))}
              />
              {ally.name}
            </label>
          ))}
        </fieldset>
      ) : (
        <NewPassphrase
          ids={{ passphrase: 'export-passphrase', repeat: 'export-repeat', strength: 'export-strength' }}
          labels={{ passphrase: t('allies.export.passphrase'), repeat: t('allies.export.repeat') }}
          value={secret}
          onChange={setSecret}
          problem={check.problem === 'allies.export.chooseRecords' || check.problem === 'allies.export.chooseAllies' ? null : check.problem}
        />
      )}
      <p className="warning" data-testid="export-warning">
        {to === 'allies' ? t('allies.export.warningAllies') : t('allies.export.warningPassphrase')}
      </p>
      <LocalProblem testId="export-invalid" problem={check.problem} />
      <Alert testId="export-error" code={load.error ?? start.error ?? (outcome && typeof outcome === 'object' && 'failed' in outcome ? outcome.failed : null)} />
      {jobId ? (
        <JobProgress
          jobId={jobId}
          onDone={(result) => {
            const { bytes, path } = result as { bytes: number; path: string }
            setJobId(null)
            setOutcome({ done: formatBytes(bytes), path })
            // A whole-vault export is the backup the reminder counts from.
            void useFirstSteps.getState().load().catch(reportError)
          }}
          onFailed={(code) => {
            setJobId(null)
            setOutcome(code === 'ABORTED' ? 'cancelled' : { failed: code })
          }}
        />
      ) : (
        <button type="submit" className="primary" data-testid="export-submit" disabled={start.busy}>
          {t('allies.export.submit')}
        </button>
      )}
      {outcome === 'cancelled' && (
        <p role="status" data-testid="export-cancelled">
          {t('allies.export.cancelled')}
        </p>
      )}
      {outcome && typeof outcome === 'object' && 'done' in outcome && (
        <p role="status" className="success" data-testid="export-done">
          {t('allies.export.done', { size: outcome.done, path: outcome.path })}
        </p>
      )}
    </form>
  )
}
