import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { NewPassphrase } from '../../components/NewPassphrase'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { checkNewPassphrase } from '../../components/validation'
import { useFirstSteps } from '../../state/firstSteps'
import { setDuressPassphrase } from '../../state/seizure'
import { reportError } from '../../state/session'

type Outcome = 'set' | 'cleared' | null

/** Setting and removing both prove the real passphrase, so a borrowed unlocked laptop cannot arm a trap. */
export function DuressForm() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [duress, setDuress] = useState({ passphrase: '', repeat: '' })
  const check = useFormCheck(() => checkNewPassphrase(duress.passphrase, duress.repeat))
  const [sameAsReal, setSameAsReal] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const { run, busy, error } = useAction(setDuressPassphrase)

  const apply = async (next: string | null) => {
    setOutcome(null)
    const ok = await run(current, next)
    // No passphrase stays in the form, whether or not it went through.
    setCurrent('')
    if (ok) {
      setDuress({ passphrase: '', repeat: '' })
      check.reset()
      setOutcome(next === null ? 'cleared' : 'set')
      useFirstSteps
        .getState()
        .mark('duressSet', next !== null)
        .catch((caught: unknown) => void reportError(caught))
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = check.attempt()
    const same = !problem && duress.passphrase === current
    setSameAsReal(same)
    if (!problem && !same) void apply(duress.passphrase)
  }

  const clear = () => {
    check.reset()
    setSameAsReal(false)
    void apply(null)
  }

  return (
    <form ref={check.formRef} className="settings-form seizure-group" onSubmit={submit} noValidate aria-labelledby="duress-title">
      <h3 id="duress-title">{t('seizure.settings.duress.title')}</h3>
      <p className="hint">{t('seizure.settings.duress.intro')}</p>
      <p className="hint">{t('seizure.settings.duress.hidden')}</p>
      <Field id="duress-current" type="password" label={t('seizure.settings.duress.current')} value={current} onChange={setCurrent} required />
      <NewPassphrase
        ids={{ passphrase: 'duress-passphrase', repeat: 'duress-repeat', strength: 'duress-strength' }}
        labels={{ passphrase: t('seizure.settings.duress.duress'), repeat: t('seizure.settings.duress.repeat') }}
        value={duress}
        onChange={setDuress}
        problem={check.problem}
      />
      <Alert testId="duress-error" invalid={check.problem} code={error} />
      {sameAsReal && duress.passphrase === current && (
        <p role="alert" className="alert" data-testid="duress-same">
          {t('seizure.settings.duress.same')}
        </p>
      )}
      {outcome && (
        <p role="status" className="success" data-testid="duress-done">
          {t(`seizure.settings.duress.${outcome}`)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" data-testid="duress-submit" disabled={busy || !current}>
          {busy ? t('seizure.settings.duress.working') : t('seizure.settings.duress.submit')}
        </button>
        <button type="button" data-testid="duress-clear" onClick={clear} disabled={busy || !current}>
          {t('seizure.settings.duress.clear')}
        </button>
      </div>
    </form>
  )
}
