import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileRecord } from '../../../shared/domain/file'
import { viewerKind } from '../../../shared/evidence/viewerKind'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { formatDate } from '../../i18n'
import { useEvidence } from '../../state/evidence'
import { CustodyLog } from './CustodyLog'
import { formatBytes, vaultFileUrl } from './format'
import { SaveCopy } from './SaveCopy'

/**
 * One stored file, shown from the vault through /vault-files/<id> (nothing
 * is written to disk): images, text, audio and video inline. PDFs cannot be:
 * the CSP allows no frames or objects, so they, like unknown types, are
 * offered only as "save a copy".
 */
export function FileViewer({ file }: { file: FileRecord }) {
  const { t } = useTranslation()
  const closeViewer = useEvidence((s) => s.closeViewer)
  const remove = useAction(useEvidence((s) => s.deleteFile))
  const [confirming, setConfirming] = useState(false)
  const [version, setVersion] = useState(0)

  return (
    <section aria-labelledby="viewer-title" data-testid="file-viewer">
      <div className="section-header">
        <h1 id="viewer-title" className="file-name" data-testid="viewer-name">
          {file.name}
        </h1>
        <button type="button" data-testid="viewer-close" onClick={closeViewer}>
          {t('evidence.file.close')}
        </button>
      </div>
      <dl className="file-facts">
        <dt>{t('evidence.file.type')}</dt>
        <dd>{file.mime}</dd>
        <dt>{t('evidence.file.size')}</dt>
        <dd>{formatBytes(file.size)}</dd>
        <dt>{t('evidence.file.sha256')}</dt>
        <dd>
          <code className="hash" data-testid="viewer-sha256">
            {file.sha256}
          </code>
        </dd>
        <dt>{t('evidence.file.modifiedAt')}</dt>
        <dd>{file.modifiedAt ? formatDate(file.modifiedAt) : t('evidence.file.unknown')}</dd>
        <dt>{t('evidence.file.intakeAt')}</dt>
        <dd>{formatDate(file.createdAt)}</dd>
      </dl>
      <div className="viewer">
        <Content file={file} />
      </div>
      <SaveCopy file={file} onSaved={() => setVersion((v) => v + 1)} />
      <div className="actions">
        {!confirming && (
          <button type="button" className="danger" data-testid="file-delete" onClick={() => setConfirming(true)} disabled={remove.busy}>
            {t('evidence.file.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-file-delete">
          <p id="confirm-file-delete">{t('evidence.file.confirmDelete')}</p>
          <button type="button" className="danger" data-testid="file-delete-confirm" onClick={() => void remove.run(file.id)} disabled={remove.busy}>
            {t('evidence.file.confirmYes')}
          </button>
          <button type="button" onClick={() => setConfirming(false)} disabled={remove.busy}>
            {t('evidence.editor.cancel')}
          </button>
        </div>
      )}
      <Alert testId="viewer-error" code={remove.error} />
      <CustodyLog subjectType="file" id={file.id} version={String(version)} />
    </section>
  )
}

function Content({ file }: { file: FileRecord }) {
  const { t } = useTranslation()
  const src = vaultFileUrl(file.id)
  switch (viewerKind(file.mime)) {
    case 'image':
      return <img src={src} alt={file.name} data-testid="viewer-image" className="viewer-image" />
    case 'audio':
      return <audio controls src={src} data-testid="viewer-audio" />
    case 'video':
      return <video controls src={src} data-testid="viewer-video" className="viewer-video" />
    case 'text':
      return <TextContent src={src} />
    case 'pdf':
      return <p className="hint" data-testid="viewer-pdf">{t('evidence.file.pdf')}</p>
    case 'none':
      return <p className="hint" data-testid="viewer-unknown">{t('evidence.file.other')}</p>
  }
}

// Enough to read a statement or a chat export; a longer text is for "save a copy".
const textBytes = 1024 * 1024

function TextContent({ src }: { src: string }) {
  const { t } = useTranslation()
  const [text, setText] = useState<{ body: string; truncated: boolean } | null>(null)

  useEffect(() => {
    let current = true
    void (async () => {
      const response = await fetch(src, { headers: { Range: `bytes=0-${textBytes - 1}` }, cache: 'no-store' })
      const body = await response.text()
      const total = Number(response.headers.get('Content-Range')?.split('/')[1] ?? 0)
      if (current) setText({ body, truncated: total > textBytes })
    })()
    return () => {
      current = false
    }
  }, [src])

  if (text === null) return <p className="hint">{t('evidence.file.textLoading')}</p>
  return (
    <>
      <pre className="viewer-text" data-testid="viewer-text" tabIndex={0}>
        {text.body}
      </pre>
      {text.truncated && <p className="hint">{t('evidence.file.textTruncated')}</p>}
    </>
  )
}
