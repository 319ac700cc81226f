import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { reportLanguages, type ReportLanguage, type ReportResult } from '../../../shared/domain/custody'
import { incidentKinds, type IncidentKind } from '../../../shared/domain/incident'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { Select } from '../../components/form/Choices'
import { JobProgress } from '../../components/JobProgress'
import { currentLanguage } from '../../i18n'
import { useEvidence } from '../../state/evidence'
import { reportError } from '../../state/session'

/**
 * The report for a lawyer or a shadow report: a selection by campaign, dates
 * and kinds, in English or Russian. The warning stands above the button; main
 * asks where to save and writes the PDF and its manifest as a job.
 */
export function ReportPanel() {
  const { t } = useTranslation()
  const campaigns = useEvidence((s) => s.options.campaigns)
  const [language, setLanguage] = useState<ReportLanguage>(currentLanguage())
  const [campaignId, setCampaignId] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [kinds, setKinds] = useState<IncidentKind[]>([])
  const [recipient, setRecipient] = useState('')
  const [jobId, setJobId] = useState<string | null>(null)
  const [result, setResult] = useState<ReportResult | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setResult(null)
    const filter = {
      campaignId: campaignId || undefined,
      from: from || undefined,
      to: to || undefined,
      kinds: kinds.length ? kinds : undefined,
    }
    try {
      const started = await call('exportReport', { language, recipient, filter })
      if (started) setJobId(started.jobId)
    } catch (caught) {
      setError(reportError(caught))
    }
  }

  const languageOptions = reportLanguages.map((l) => ({ value: l, label: t(`evidence.report.languages.${l}`) }))
  const campaignOptions = [{ value: '', label: t('evidence.report.allCampaigns') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]

  return (
    <section className="panel" aria-labelledby="report-title" data-testid="report-panel">
      <h2 id="report-title">{t('evidence.report.title')}</h2>
      <p className="hint">{t('evidence.report.hint')}</p>
      <form className="editor" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field-row">
          <Select id="report-language" label={t('evidence.report.language')} value={language} options={languageOptions} onChange={(v) => setLanguage(v as ReportLanguage)} />
          <Select id="report-campaign" label={t('evidence.report.campaign')} value={campaignId} options={campaignOptions} onChange={setCampaignId} />
        </div>
        <div className="field-row">
          <Field id="report-from" type="date" label={t('evidence.report.from')} value={from} onChange={setFrom} />
          <Field id="report-to" type="date" label={t('evidence.report.to')} value={to} onChange={setTo} />
        </div>
        <fieldset className="kind-picks">
          <legend>{t('evidence.report.kinds')}</legend>
          {incidentKinds.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                data-testid={`report-kind-${kind}`}
                checked={kinds.includes(kind)}
                onChange={(e) => setKinds(e.target.checked ? [...kinds, kind] : kinds.filter((k) => k !== kind))}
              />
              {t(`evidence.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <Field id="report-recipient" label={t('evidence.report.recipient')} value={recipient} onChange={setRecipient} />
        <p className="warning" role="note" data-testid="report-warning">
          {t('evidence.report.warning')}
        </p>
        {jobId === null ? (
          <button type="submit" className="primary" data-testid="report-export">
            {t('evidence.report.submit')}
          </button>
        ) : (
          <JobProgress
            jobId={jobId}
            onDone={(done) => {
              setJobId(null)
              setResult(done as ReportResult)
            }}
            onFailed={(code) => {
              setJobId(null)
              if (code !== 'ABORTED') setError(code)
            }}
          />
        )}
      </form>
      <Alert testId="report-error" code={error} />
      {result && (
        <p className="success" role="status" data-testid="report-done">
          {t('evidence.report.done', { incidents: result.incidents, files: result.files, path: result.pdfPath })}
        </p>
      )}
    </section>
  )
}
