import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { UnlockProgress } from '../../shared/ipc-schema'
import { call } from '../api'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { LockLayout } from '../components/LockLayout'
import { useAction } from '../components/useAction'
import { useVault } from '../state/vault'
import { ShortcutInactive } from './seizure/ShortcutInactive'
import { WipeFailureNotice } from './seizure/WipeFailureNotice'

const pollMs = 250

/**
 * The first unlock after an update from before the blob store moves every
 * stored file out of the database, which can take minutes: while the unlock
 * is pending, main is asked how far that move is. A normal unlock shows nothing.
 */
function BlobMoveProgress({ unlocking }: { unlocking: boolean }) {
  const { t } = useTranslation()
  const [progress, setProgress] = useState<UnlockProgress | null>(null)

  useEffect(() => {
    if (!unlocking) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      // A failed query only means no progress to show; the unlock reports its own errors.
      const next = await call('unlockProgress').catch(() => null)
      if (stopped) return
      setProgress(next)
      timer = setTimeout(() => void poll(), pollMs)
    }
    timer = setTimeout(() => void poll(), pollMs)
    return () => {
      stopped = true
      clearTimeout(timer)
      setProgress(null)
    }
  }, [unlocking])

  if (!progress) return null
  return (
    <p className="hint" role="status" data-testid="unlock-move-progress">
      {t('unlock.moving', { done: progress.files, total: progress.totalFiles })}
    </p>
  )
}

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
        <BlobMoveProgress unlocking={busy} />
      </form>
      <ShortcutInactive />
    </LockLayout>
  )
}
