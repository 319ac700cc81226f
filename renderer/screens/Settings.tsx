import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { NewPassphrase } from '../components/NewPassphrase'
import { useAction } from '../components/useAction'
import { useFormCheck } from '../components/useFormCheck'
import { checkNewPassphrase } from '../components/validation'
import { useVault } from '../state/vault'
import { FirstStepsSettings } from './home/FirstStepsSettings'
import { SeizureSettings } from './seizure/SeizureSettings'

export function Settings() {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <ChangePassphrase />
      <FirstStepsSettings />
      <SeizureSettings />
    </section>
  )
}

function ChangePassphrase() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState({ passphrase: '', repeat: '' })
  const [done, setDone] = useState(false)
  const check = useFormCheck(() => checkNewPassphrase(next.passphrase, next.repeat))
  const { run, busy, error } = useAction(useVault((s) => s.changePassphrase))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(false)
    if (check.attempt()) return
    const changed = await run(current, next.passphrase)
    setDone(changed)
    // Passphrases do not stay in the form, whether or not the change went through.
    setCurrent('')
    if (changed) {
      setNext({ passphrase: '', repeat: '' })
      check.reset()
    }
  }

  return (
    <form ref={check.formRef} className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="change-passphrase-title">
      <h2 id="change-passphrase-title">{t('settings.changePassphrase')}</h2>
      <Field id="settings-current" type="password" label={t('settings.current')} value={current} onChange={setCurrent} required />
      <NewPassphrase
        ids={{ passphrase: 'settings-next', repeat: 'settings-repeat', strength: 'settings-strength' }}
        labels={{ passphrase: t('settings.next'), repeat: t('settings.repeat') }}
        value={next}
        onChange={setNext}
        problem={check.problem}
      />
      <Alert testId="settings-error" invalid={check.problem} code={error} />
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
