import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import '../../components/linkButton.css'
import { useSeizure } from '../../state/seizure'

type Choice = 'delete' | 'keep'

/** The remembered answer lives in the settings beside the vault: a preference that names no file. */
async function rememberedChoice(): Promise<Choice | null> {
  if (useSeizure.getState().settings === null) await useSeizure.getState().load()
  const stored = useSeizure.getState().settings?.importOriginals
  return stored === 'delete' || stored === 'keep' ? stored : null
}

/**
 * After an import: offer to delete the originals, honest about what deleting
 * does on an SSD, and remember the answer if asked to. Main deletes exactly
 * the files it imported, by the token; the renderer never names a path.
 */
export function Originals({ token, count }: { token: string; count: number }) {
  const { t } = useTranslation()
  // Undefined until the settings are read: nothing shows before the answer is known.
  const [choice, setChoice] = useState<Choice | null | undefined>(undefined)
  const [wasRemembered, setWasRemembered] = useState(false)
  const [remember, setRemember] = useState(false)
  const [outcome, setOutcome] = useState<{ deleted: number; kept: number } | null>(null)
  const remove = useAction(async () => setOutcome(await call('deleteOriginals', { token })))
  const save = useAction((patch: { importOriginals: 'ask' | Choice }) => useSeizure.getState().update(patch))
  const runRemove = remove.run

  // Read once per import; a remembered "delete" acts at once.
  useEffect(() => {
    void rememberedChoice().then((stored) => {
      setWasRemembered(stored !== null)
      setChoice(stored)
      if (stored === 'delete') void runRemove()
    })
  }, [runRemove])

  const decide = (next: Choice) => {
    if (remember) void save.run({ importOriginals: next })
    setChoice(next)
    if (next === 'delete') void remove.run()
  }
  const askAgain = () => {
    void save.run({ importOriginals: 'ask' })
    setWasRemembered(false)
    setRemember(false)
  }
  const rememberedNow = useSeizure((s) => s.settings?.importOriginals ?? 'ask') !== 'ask'

  if (choice === undefined) return null
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
      {choice !== null && rememberedNow && (
        <button type="button" className="link" data-testid="originals-ask-again" onClick={askAgain}>
          {t('evidence.originals.askAgain')}
        </button>
      )}
      <Alert testId="originals-error" code={remove.error ?? save.error} />
    </div>
  )
}
