import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportResult } from '../../../shared/evidence/ipcInputs'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { JobProgress } from '../../components/JobProgress'
import { reportError } from '../../state/session'

/**
 * "Add files": main opens the file dialog and imports what was chosen as one
 * job (all or nothing), attaching the files to a stored incident itself.
 * Drag and drop is not offered: a dropped file's path would come from the
 * renderer, and paths come only from the dialog.
 */
export function ImportFiles({ incidentId, onImported }: { incidentId?: string; onImported(fileIds: string[]): void }) {
  const { t } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [added, setAdded] = useState<number | null>(null)

  const start = async () => {
    setError(null)
    setAdded(null)
    try {
      const started = await call('importFiles', { incidentId })
      if (started) setJobId(started.jobId)
    } catch (caught) {
      setError(reportError(caught))
    }
  }

  return (
    <div className="import-files">
      {jobId === null ? (
        <button type="button" data-testid="import-files" onClick={() => void start()} aria-describedby="import-files-hint">
          {t('evidence.editor.addFiles')}
        </button>
      ) : (
        <JobProgress
          jobId={jobId}
          onDone={(result) => {
            const { fileIds } = result as ImportResult
            setJobId(null)
            setAdded(fileIds.length)
            onImported(fileIds)
          }}
          onFailed={(code) => {
            setJobId(null)
            if (code !== 'ABORTED') setError(code)
          }}
        />
      )}
      <p id="import-files-hint" className="hint">
        {t('evidence.editor.addFilesHint')}
      </p>
      {added !== null && (
        <p className="success" role="status" data-testid="import-done">
          {t('evidence.importDone', { count: added })}
        </p>
      )}
      <Alert testId="import-error" code={error} />
    </div>
  )
}
