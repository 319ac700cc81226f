import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustodyEntry } from '../../../shared/domain/custody'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { formatDate } from '../../i18n'

interface AnnotationsProps {
  id: string
  version: string
  onAdded(): void
}

/** Notes beside an incident: appended to its chain of custody, never edited, the original untouched. */
export function Annotations({ id, version, onAdded }: AnnotationsProps) {
  const { t } = useTranslation()
  const [notes, setNotes] = useState<CustodyEntry[]>([])
  const [text, setText] = useState('')
  const load = useAction(async () => {
    const entries = await call('custodyLog', { subjectType: 'incident', id })
    setNotes(entries.filter((e) => e.action === 'annotated'))
  })
  const add = useAction(async (note: string) => {
    await call('annotateIncident', { id, text: note })
    setText('')
    onAdded()
  })
  const run = load.run

  useEffect(() => {
    void run()
  }, [run, id, version])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) void add.run(text)
  }

  return (
    <section className="panel" aria-labelledby="annotations-title">
      <h2 id="annotations-title">{t('evidence.annotations.title')}</h2>
      <p className="hint">{t('evidence.annotations.hint')}</p>
      {notes.length === 0 ? (
        <p className="hint">{t('evidence.annotations.empty')}</p>
      ) : (
        <ul className="annotations" data-testid="annotations">
          {notes.map((note) => (
            <li key={note.position}>
              <span className="hint">{formatDate(note.at)}</span>
              <p className="annotation-text">{String(note.detail.text ?? '')}</p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit}>
        <Field id="annotation-text" label={t('evidence.annotations.text')} value={text} onChange={setText} multiline />
        <Alert testId="annotation-error" code={load.error ?? add.error} />
        <button type="submit" data-testid="annotation-add" disabled={add.busy || !text.trim()}>
          {t('evidence.annotations.add')}
        </button>
      </form>
    </section>
  )
}
