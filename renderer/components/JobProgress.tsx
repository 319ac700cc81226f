import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErrorCode } from '../../shared/errors'
import type { JobStatus } from '../../shared/jobs'
import { call } from '../api'
import { reportError } from '../state/session'
import './jobProgress.css'

interface JobProgressProps {
  jobId: string
  /** What the job returned; its shape is the job's own. */
  onDone(result: unknown): void
  /** Why it ended without a result; 'ABORTED' when cancelled. */
  onFailed(code: ErrorCode): void
}

const pollMs = 250

/**
 * A background job's progress bar with a Cancel button. It polls
 * `jobStatus` until the job ends, then calls back once. Progress is shown as
 * a percentage, so the job's own units (bytes, items) do not matter here.
 */
export function JobProgress({ jobId, onDone, onFailed }: JobProgressProps) {
  const { t } = useTranslation()
  const [status, setStatus] = useState<Pick<JobStatus, 'done' | 'total'>>({ done: 0, total: null })
  const [cancelling, setCancelling] = useState(false)
  // The latest callbacks, without restarting the polling when a parent re-renders.
  const callbacks = useRef({ onDone, onFailed })
  callbacks.current = { onDone, onFailed }

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      try {
        const next = await call('jobStatus', { id: jobId })
        if (stopped) return
        setStatus(next)
        if (next.state === 'running') timer = setTimeout(() => void poll(), pollMs)
        else if (next.state === 'done') callbacks.current.onDone(next.result)
        else callbacks.current.onFailed(next.error ?? 'ABORTED')
      } catch (error) {
        if (!stopped) callbacks.current.onFailed(reportError(error))
      }
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [jobId])

  const cancel = async () => {
    setCancelling(true)
    try {
      await call('cancelJob', { id: jobId })
    } catch (error) {
      reportError(error)
    }
  }

  const known = status.total !== null && status.total > 0
  const percent = known ? Math.min(100, Math.floor((status.done / (status.total ?? 1)) * 100)) : null
  return (
    <div className="job-progress" data-testid="job-progress" role="status">
      <label htmlFor={`job-${jobId}`}>{t('evidence.job.label')}</label>
      {/* Without a value the bar is indeterminate, as it should be while the total is unknown. */}
      {known ? (
        <progress id={`job-${jobId}`} max={status.total ?? 1} value={status.done} />
      ) : (
        <progress id={`job-${jobId}`} />
      )}
      <span className="job-percent">{percent === null ? t('evidence.job.working') : t('evidence.job.percent', { percent })}</span>
      <button type="button" data-testid="job-cancel" onClick={() => void cancel()} disabled={cancelling}>
        {t('evidence.job.cancel')}
      </button>
    </div>
  )
}
