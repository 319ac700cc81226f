import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { LockLayout } from '../components/LockLayout'
import { StrengthMeter } from '../components/StrengthMeter'
import { useAction } from '../components/useAction'
import { checkNewPassphrase, type ValidationKey } from '../components/validation'
import { useVault } from '../state/vault'
import { RestoreVault } from './allies/RestoreVault'

export function CreateVault() {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [invalid, setInvalid] = useState<ValidationKey | null>(null)
  const { run, busy, error } = useAction(useVault((s) => s.create))
  const [restoring, setRestoring] = useState(false)
  if (restoring) return <RestoreVault onBack={() => setRestoring(false)} />

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = checkNewPassphrase(passphrase, repeat)
    setInvalid(problem)
    if (!problem) void run(passphrase)
  }

  return (
    <LockLayout title={t('create.title')}>
      <p>{t('create.intro')}</p>
      <p className="warning" data-testid="create-warning">
        {t('create.warning')}
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          id="create-passphrase"
          type="password"
          label={t('create.passphrase')}
          hint={t('create.advice')}
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          required
        />
        <StrengthMeter id="create-strength" passphrase={passphrase} />
        <Field id="create-repeat" type="password" label={t('create.repeat')} value={repeat} onChange={setRepeat} required />
        <Alert testId="create-error" invalid={invalid} code={error} />
        <button type="submit" className="primary" data-testid="create-submit" disabled={busy}>
          {busy ? t('create.working') : t('create.submit')}
        </button>
      </form>
      <button type="button" className="restore-offer" data-testid="restore-offer" onClick={() => setRestoring(true)}>
        {t('allies.restore.offer')}
      </button>
    </LockLayout>
  )
}
