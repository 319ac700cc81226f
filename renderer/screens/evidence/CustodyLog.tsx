import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustodyEntry, CustodySubject } from '../../../shared/domain/custody'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { formatDate } from '../../i18n'
import { hashPrefix } from './format'

interface CustodyLogProps {
  subjectType: CustodySubject
  id: string
  /** Changes when the record changed, so the log is read again. */
  version: string
}

/** The chain of custody as a table: time, action, what it concerned, and the start of each entry's hash. */
export function CustodyLog({ subjectType, id, version }: CustodyLogProps) {
  const { t } = useTranslation()
  const [entries, setEntries] = useState<CustodyEntry[]>([])
  const load = useAction(async () => setEntries(await call('custodyLog', { subjectType, id })))
  const run = load.run

  useEffect(() => {
    void run()
  }, [run, subjectType, id, version])

  const title = subjectType === 'incident' ? t('evidence.custody.title') : t('evidence.custody.fileTitle')
  return (
    <section className="panel" aria-labelledby={`custody-${id}`}>
      <h2 id={`custody-${id}`}>{title}</h2>
      <Alert testId="custody-error" code={load.error} />
      {entries.length === 0 ? (
        <p className="hint">{t('evidence.custody.empty')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`custody-${id}`}>
          <table className="custody" data-testid={`custody-${subjectType}`}>
            <thead>
              <tr>
                <th scope="col">{t('evidence.custody.when')}</th>
                <th scope="col">{t('evidence.custody.action')}</th>
                <th scope="col">{t('evidence.custody.details')}</th>
                <th scope="col">{t('evidence.custody.hash')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.position} data-testid="custody-entry">
                  <td>{formatDate(entry.at)}</td>
                  <td data-testid="custody-action">{t(`evidence.custody.actions.${entry.action}`)}</td>
                  <td className="custody-detail">
                    <CustodyDetail entry={entry} />
                  </td>
                  <td>
                    <code title={entry.hash}>{hashPrefix(entry.hash)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

function CustodyDetail({ entry }: { entry: CustodyEntry }) {
  const { t } = useTranslation()
  const { detail } = entry
  switch (entry.action) {
    case 'edited': {
      const fields = [...Object.keys((detail.fields ?? {}) as object), ...Object.keys((detail.links ?? {}) as object)]
      return <>{t('evidence.custody.changed', { fields: fields.join(', ') })}</>
    }
    case 'annotated':
      return <>{text(detail.text)}</>
    case 'intake':
    case 'file_attached':
    case 'file_detached':
      return <>{text(detail.name)}</>
    case 'attached':
    case 'detached':
      return <>{text(detail.title)}</>
    case 'exported':
      return <>{detail.format === 'copy' ? t('evidence.custody.copy') : t('evidence.custody.exportedTo', { recipient: text(detail.recipient) || '—' })}</>
    default:
      return null
  }
}
