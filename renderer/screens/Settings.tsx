import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { StrengthMeter } from '../components/StrengthMeter'
import { useAction } from '../components/useAction'
import { checkNewPassphrase, type ValidationKey } from '../components/validation'
import { useVault } from '../state/vault'
import { SeizureSettings } from './seizure/SeizureSettings'

export function Settings() {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <ChangePassphrase />
      <SeizureSettings />
    </section>
  )
}

function ChangePassphrase() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [invalid, setInvalid] = useState<ValidationKey | null>(null)
  const [done, setDone] = useState(false)
  const { run, busy, error } = useAction(useVault((s) => s.changePassphrase))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(false)
    const problem = checkNewPassphrase(next, repeat)
    setInvalid(problem)
    if (problem) return
    const changed = await run(current, next)
    setDone(changed)
    // Passphrases do not stay in the form, whether or not the change went through.
    setCurrent('')
    if (changed) {
      setNext('')
      setRepeat('')
    }
  }

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="change-passphrase-title">
      <h2 id="change-passphrase-title">{t('settings.changePassphrase')}</h2>
      <Field id="settings-current" type="password" label={t('settings.current')} value={current} onChange={setCurrent} required />
      <Field id="settings-next" type="password" label={t('settings.next')} value={next} onChange={setNext} required />
      <StrengthMeter id="settings-strength" passphrase={next} />
      <Field id="settings-repeat" type="password" label={t('settings.repeat')} value={repeat} onChange={setRepeat} required />
      <Alert testId="settings-error" invalid={invalid} code={error} />
      {done && (
        <p role="status" className="success" data-testid="settings-done">
          {t('settings.done')}
        </p>
      )}
      <button type="submit" className="primary" data-testid="settings-submit" disabled={busy || !current}>
        {busy ? t('settings.working') : t('settings.submit')}
      </button>
    </form>
  )
}
