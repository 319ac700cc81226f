import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { LockLayout } from '../components/LockLayout'
import { useAction } from '../components/useAction'
import { useVault } from '../state/vault'
import { ShortcutInactive } from './seizure/ShortcutInactive'
import { WipeFailureNotice } from './seizure/WipeFailureNotice'

export function Unlock() {
  const { t } = useTranslation()
  const [passphrase, setPassphrase] = useState('')
  const { run, busy, error } = useAction(useVault((s) => s.unlock))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // A wrong passphrase is not kept on screen for the next try.
    if (!(await run(passphrase))) setPassphrase('')
  }

  return (
    <LockLayout title={t('unlock.title')}>
      <WipeFailureNotice />
      <form onSubmit={(e) => void submit(e)}>
        <Field
          id="unlock-passphrase"
          type="password"
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoFocus
          required
        />
        <Alert testId="unlock-error" code={error} />
        <button type="submit" className="primary" data-testid="unlock-submit" disabled={busy || !passphrase}>
          {busy ? t('unlock.working') : t('unlock.submit')}
        </button>
      </form>
      <ShortcutInactive />
    </LockLayout>
  )
}
