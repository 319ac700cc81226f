import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { InspectedBundle } from '../../../shared/bundle'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { JobProgress } from '../../components/JobProgress'
import { NewPassphrase } from '../../components/NewPassphrase'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { checkNewPassphrase } from '../../components/validation'
import { useAllies } from '../../state/allies'
import { useVault } from '../../state/vault'
import { BundleSummaryView, countKeys, groupCounts } from './BundleSummaryView'

interface ImportResult {
  written: Record<string, number>
  kept: Record<string, number>
}

/**
 * Pick an encrypted file, see what it holds (every hash already checked by
 * main), then merge it into the open vault or, with no vault, restore it as
 * a new one.
 */
export function OpenBundle({ mode }: { mode: 'merge' | 'restore' }) {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [inspected, setInspected] = useState<InspectedBundle | null>(null)
  const [cancelled, setCancelled] = useState(false)
  const [preferIncoming, setPreferIncoming] = useState(false)
  const [next, setNext] = useState({ passphrase: '', repeat: '' })
  const check = useFormCheck(() => (mode === 'restore' ? checkNewPassphrase(next.passphrase, next.repeat) : null))
  const [jobId, setJobId] = useState<string | null>(null)
  const [failed, setFailed] = useState<ErrorCode | null>(null)
  const [merged, setMerged] = useState<ImportResult | null>(null)

  const open = useAction(async () => {
    setInspected(null)
    setMerged(null)
    setFailed(null)
    const found = await call('inspectBundle', { passphrase: passphrase || undefined })
    setCancelled(found === null)
    setInspected(found)
  })
  const start = useAction(async (token: string) => {
    const started =
      mode === 'merge' ? await call('importBundle', { token, preferIncoming }) : await call('restoreBundle', { token, newVaultPassphrase: next.passphrase })
    setPassphrase('')
    setNext({ passphrase: '', repeat: '' })
    check.reset()
    // A token serves once: whatever happens next, the file has to be opened again.
    setInspected(null)
    setJobId(started.jobId)
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!inspected) return
    if (!check.attempt()) void start.run(inspected.token)
  }

  const done = (result: unknown) => {
    setJobId(null)
    if (mode === 'restore') void useVault.getState().load()
    else {
      setMerged(result as ImportResult)
      void useAllies.getState().load()
    }
  }

  return (
    <form ref={check.formRef} className="panel editor" onSubmit={submit} noValidate aria-labelledby={`open-bundle-${mode}`} data-testid={`open-bundle-${mode}`}>
      <h2 id={`open-bundle-${mode}`}>{mode === 'merge' ? t('allies.import.title') : t('allies.restore.title')}</h2>
      <p className="hint">{mode === 'merge' ? t('allies.import.intro') : t('allies.restore.intro')}</p>
      <Field id={`bundle-passphrase-${mode}`} type="password" label={t('allies.import.passphrase')} value={passphrase} onChange={setPassphrase} />
      <button type="button" data-testid={`bundle-open-${mode}`} onClick={() => void open.run()} disabled={open.busy || jobId !== null}>
        {open.busy ? t('allies.import.checking') : t('allies.import.open')}
      </button>
      {cancelled && <p role="status">{t('allies.import.cancelled')}</p>}
      <Alert testId={`bundle-error-${mode}`} invalid={check.problem} code={open.error ?? start.error ?? failed} />
      {inspected && (
        <>
          <BundleSummaryView summary={inspected.summary} testId={`bundle-summary-${mode}`} />
          {mode === 'merge' ? (
            <label className="checkbox">
              <input type="checkbox" data-testid="bundle-prefer-incoming" checked={preferIncoming} onChange={(e) => setPreferIncoming(e.target.checked)} />
              {t('allies.import.preferIncoming')}
            </label>
          ) : (
            <NewPassphrase
              ids={{ passphrase: 'restore-passphrase', repeat: 'restore-repeat', strength: 'restore-strength' }}
              labels={{ passphrase: t('allies.restore.newPassphrase'), repeat: t('allies.restore.repeat') }}
              value={next}
              onChange={setNext}
              problem={check.problem}
            />
          )}
          <button type="submit" className="primary" data-testid={`bundle-${mode}`} disabled={start.busy}>
            {mode === 'merge' ? t('allies.import.merge') : t('allies.restore.submit')}
          </button>
        </>
      )}
      {jobId && (
        <JobProgress
          jobId={jobId}
          onDone={done}
          onFailed={(code) => {
            setJobId(null)
            setFailed(code)
          }}
        />
      )}
      {merged && <MergeReport result={merged} />}
    </form>
  )
}


/** Per kind, with the summary's own labels and grouping, so the numbers can be checked against it. */
function MergeReport({ result }: { result: ImportResult }) {
  const { t } = useTranslation()
  const written = groupCounts(result.written)
  const kept = groupCounts(result.kept)
  return (
    <div role="status" className="success" data-testid="bundle-merged">
      <p>{t('allies.import.merged')}</p>
      <dl className="bundle-counts">
        {countKeys
          .filter((key) => written[key] + kept[key] > 0)
          .map((key) => (
            <div key={key} data-testid={`merged-${key}`}>
              <dt>{t(`allies.counts.${key}`)}</dt>
              <dd>
                <span data-testid={`merged-added-${key}`}>{written[key]}</span> {t('allies.import.mergedAdded')}
                {kept[key] > 0 && (
                  <>
                    , <span data-testid={`merged-kept-${key}`}>{kept[key]}</span> {t('allies.import.mergedKept')}
                  </>
                )}
              </dd>
            </div>
          ))}
      </dl>
    </div>
  )
}
