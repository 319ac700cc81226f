import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRecord } from '../../../shared/domain/file'
import type { SaveCopyResult } from '../../../shared/evidence/ipcInputs'
import type { ErrorCode } from '../../../shared/errors'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { JobProgress } from '../../components/JobProgress'
import { reportError } from '../../state/session'

type Step = { step: 'idle' } | { step: 'warning' } | { step: 'running'; jobId: string } | { step: 'saved'; result: SaveCopyResult }

/** "Save a copy": the plain warning first, then the save dialog in main, then the copy as a job. */
export function SaveCopy({ file, onSaved }: { file: FileRecord; onSaved(): void }) {
  const { t } = useTranslation()
  const [state, setState] = useState<Step>({ step: 'idle' })
  const [error, setError] = useState<ErrorCode | null>(null)

  const start = async () => {
    setError(null)
    try {
      const started = await call('saveFileCopy', { id: file.id })
      setState(started ? { step: 'running', jobId: started.jobId } : { step: 'idle' })
    } catch (caught) {
      setError(reportError(caught))
      setState({ step: 'idle' })
    }
  }

  return (
    <div className="save-copy">
      {(state.step === 'idle' || state.step === 'saved') && (
        <button type="button" data-testid="save-copy" onClick={() => setState({ step: 'warning' })}>
          {t('evidence.file.saveCopy')}
        </button>
      )}
      {state.step === 'warning' && (
        <div className="warning" role="alertdialog" aria-labelledby="copy-warning">
          <p id="copy-warning" data-testid="copy-warning">
            {t('evidence.file.copyWarning')}
          </p>
          <div className="actions">
            <button type="button" className="primary" data-testid="save-copy-confirm" onClick={() => void start()}>
              {t('evidence.file.copyConfirm')}
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              {t('evidence.editor.cancel')}
            </button>
          </div>
        </div>
      )}
      {state.step === 'running' && (
        <JobProgress
          jobId={state.jobId}
          onDone={(result) => {
            setState({ step: 'saved', result: result as SaveCopyResult })
            onSaved()
          }}
          onFailed={(code) => {
            setState({ step: 'idle' })
            if (code !== 'ABORTED') setError(code)
          }}
        />
      )}
      {state.step === 'saved' && (
        <p className="success" role="status" data-testid="copy-saved">
          {t('evidence.file.copySaved', { path: state.result.path, sha256: state.result.sha256 })}
        </p>
      )}
      <Alert testId="copy-error" code={error} />
    </div>
  )
}
