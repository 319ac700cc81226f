import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { LockLayout } from '../components/LockLayout'
import { NewPassphrase } from '../components/NewPassphrase'
import { useAction } from '../components/useAction'
import { useFormCheck } from '../components/useFormCheck'
import { checkNewPassphrase } from '../components/validation'
import { useVault } from '../state/vault'
import { RestoreVault } from './allies/RestoreVault'
import { WipeFailureNotice } from './seizure/WipeFailureNotice'

export function CreateVault() {
  const { t } = useTranslation()
  const [form, setForm] = useState({ passphrase: '', repeat: '' })
  const check = useFormCheck(() => checkNewPassphrase(form.passphrase, form.repeat))
  const { run, busy, error } = useAction(useVault((s) => s.create))
  const [restoring, setRestoring] = useState(false)
  if (restoring) return <RestoreVault onBack={() => setRestoring(false)} />

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!check.attempt()) void run(form.passphrase)
  }

  return (
    <LockLayout title={t('create.title')}>
      <WipeFailureNotice />
      <p>{t('create.intro')}</p>
      <p className="warning" data-testid="create-warning">
        {t('create.warning')}
      </p>
      <form ref={check.formRef} onSubmit={submit} noValidate>
        <NewPassphrase
          ids={{ passphrase: 'create-passphrase', repeat: 'create-repeat', strength: 'create-strength' }}
          labels={{ passphrase: t('create.passphrase'), repeat: t('create.repeat') }}
          hint={t('create.advice')}
          value={form}
          onChange={setForm}
          problem={check.problem}
          autoFocus
        />
        <Alert testId="create-error" invalid={check.problem} code={error} />
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
