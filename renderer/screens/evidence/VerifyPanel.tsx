import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VerifyProblem, VerifyReport } from '../../../shared/domain/custody'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { JobProgress } from '../../components/JobProgress'
import { reportError } from '../../state/session'

/** Verify: every file re-hashed and every chain re-checked as a job; each problem named by its record. */
export function VerifyPanel() {
  const { t } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const [report, setReport] = useState<VerifyReport | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)

  const start = async () => {
    setError(null)
    setReport(null)
    try {
      setJobId((await call('verifyVault')).jobId)
    } catch (caught) {
      setError(reportError(caught))
    }
  }

  return (
    <section className="panel" aria-labelledby="verify-title" data-testid="verify-panel">
      <h2 id="verify-title">{t('evidence.verify.title')}</h2>
      <p className="hint">{t('evidence.verify.hint')}</p>
      {jobId === null ? (
        <button type="button" className="primary" data-testid="verify-start" onClick={() => void start()}>
          {t('evidence.verify.button')}
        </button>
      ) : (
        <JobProgress
          jobId={jobId}
          onDone={(result) => {
            setJobId(null)
            setReport(result as VerifyReport)
          }}
          onFailed={(code) => {
            setJobId(null)
            if (code !== 'ABORTED') setError(code)
          }}
        />
      )}
      <Alert testId="verify-error" code={error} />
      {report && report.problems.length === 0 && (
        <p className="success" role="status" data-testid="verify-ok">
          {t('evidence.verify.ok', { files: report.files, chains: report.chains, entries: report.entries })}
        </p>
      )}
      {report && report.problems.length > 0 && (
        <>
          <p role="alert" className="alert" data-testid="verify-problems-count">
            {t('evidence.verify.problems', { count: report.problems.length })}
          </p>
          <ul className="problems" data-testid="verify-problems">
            {report.problems.map((problem, index) => (
              <li key={index} data-testid="verify-problem">
                <ProblemText problem={problem} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function ProblemText({ problem }: { problem: VerifyProblem }) {
  const { t } = useTranslation()
  return (
    <>
      <strong>
        {t(`evidence.verify.record.${problem.recordType}`)} «{problem.label ?? t('evidence.verify.unnamed')}»
        {problem.position !== null && `, ${t('evidence.verify.entry', { position: problem.position })}`}
      </strong>
      : {t(`evidence.verify.kinds.${problem.kind}`)}
      {(problem.expected || problem.actual) && (
        <span className="problem-values">
          {problem.expected && (
            <span>
              {t('evidence.verify.expected')}: <code>{problem.expected}</code>
            </span>
          )}
          {problem.actual && (
            <span>
              {t('evidence.verify.actual')}: <code>{problem.actual}</code>
            </span>
          )}
        </span>
      )}
      <span className="hint"> ({problem.recordId})</span>
    </>
  )
}
