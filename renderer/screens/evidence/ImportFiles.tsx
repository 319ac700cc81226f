import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportResult } from '../../../shared/evidence/ipcInputs'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { JobProgress } from '../../components/JobProgress'
import { reportError } from '../../state/session'
import { Originals } from './Originals'

/**
 * "Add files" and "Add a folder" (outside macOS one native dialog cannot
 * offer both): main opens the dialog and imports what was chosen as one
 * job (all or nothing), attaching the files to a stored incident itself.
 * Drag and drop is not offered: a dropped file's path would come from the
 * renderer, and paths come only from the dialog.
 */
export function ImportFiles({ incidentId, onImported }: { incidentId?: string; onImported(fileIds: string[]): void }) {
  const { t } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const [error, setError] = useState<ErrorCode | null>(null)
  const [added, setAdded] = useState<number | null>(null)
  const [originals, setOriginals] = useState<ImportResult['originals'] | null>(null)

  const start = async (method: 'importFiles' | 'importFolders') => {
    setError(null)
    setAdded(null)
    setOriginals(null)
    try {
      const started = await call(method, { incidentId })
      if (started) setJobId(started.jobId)
    } catch (caught) {
      setError(reportError(caught))
    }
  }

  return (
    <div className="import-files">
      {jobId === null ? (
        <>
          <button type="button" data-testid="import-files" onClick={() => void start('importFiles')} aria-describedby="import-files-hint">
            {t('evidence.editor.addFiles')}
          </button>{' '}
          <button type="button" data-testid="import-folders" onClick={() => void start('importFolders')} aria-describedby="import-files-hint">
            {t('evidence.editor.addFolders')}
          </button>
        </>
      ) : (
        <JobProgress
          jobId={jobId}
          onDone={(result) => {
            const { fileIds, originals: left } = result as ImportResult
            setJobId(null)
            setAdded(fileIds.length)
            setOriginals(left ?? null)
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
      {originals && <Originals key={originals.token} token={originals.token} count={originals.count} />}
      <Alert testId="import-error" code={error} />
    </div>
  )
}
