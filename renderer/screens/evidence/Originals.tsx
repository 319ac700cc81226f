import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'

type Choice = 'delete' | 'keep'
// A preference like the UI language: it names no file and nothing from the vault.
const storageKey = 'sestra.importOriginals'

const remembered = (): Choice | null => {
  const stored = localStorage.getItem(storageKey)
  return stored === 'delete' || stored === 'keep' ? stored : null
}

/**
 * After an import: offer to delete the originals, honest about what deleting
 * does on an SSD, and remember the answer if asked to. Main deletes exactly
 * the files it imported, by the token; the renderer never names a path.
 */
export function Originals({ token, count }: { token: string; count: number }) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<Choice | null>(remembered)
  const [wasRemembered] = useState(() => remembered() !== null)
  const [remember, setRemember] = useState(false)
  const [outcome, setOutcome] = useState<{ deleted: number; kept: number } | null>(null)
  const remove = useAction(async () => setOutcome(await call('deleteOriginals', { token })))
  const runRemove = remove.run

  // A remembered "delete" acts at once, once per import.
  useEffect(() => {
    if (wasRemembered && remembered() === 'delete') void runRemove()
  }, [wasRemembered, runRemove])

  const decide = (next: Choice) => {
    if (remember) localStorage.setItem(storageKey, next)
    setChoice(next)
    if (next === 'delete') void remove.run()
  }
  const askAgain = () => {
    localStorage.removeItem(storageKey)
    setChoice(null)
  }

  return (
    <div className="panel originals" data-testid="originals" role="group" aria-labelledby="originals-question">
      {choice === null ? (
        <>
          <p id="originals-question">{t('evidence.originals.question', { count })}</p>
          <p className="hint" data-testid="originals-honest">
            {t('evidence.originals.honest')}
          </p>
          <label className="checkbox">
            <input type="checkbox" data-testid="originals-remember" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            {t('evidence.originals.remember')}
          </label>
          <div className="actions">
            <button type="button" className="danger" data-testid="originals-delete" disabled={remove.busy} onClick={() => decide('delete')}>
              {t('evidence.originals.delete')}
            </button>
            <button type="button" data-testid="originals-keep" onClick={() => decide('keep')}>
              {t('evidence.originals.keep')}
            </button>
          </div>
        </>
      ) : (
        <p id="originals-question" role="status" data-testid="originals-outcome">
          {choice === 'keep'
            ? t('evidence.originals.kept')
            : outcome && [t('evidence.originals.deleted', { deleted: outcome.deleted }), outcome.kept > 0 ? t('evidence.originals.keptChanged', { kept: outcome.kept }) : '']
                .filter(Boolean)
                .join(' ')}
          {wasRemembered && ` ${t('evidence.originals.remembered')}`}
        </p>
      )}
      {choice !== null && remembered() !== null && (
        <button type="button" className="link" data-testid="originals-ask-again" onClick={askAgain}>
          {t('evidence.originals.askAgain')}
        </button>
      )}
      <Alert testId="originals-error" code={remove.error} />
    </div>
  )
}
