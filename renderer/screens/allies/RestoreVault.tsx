import { useTranslation } from 'react-i18next'
import { LockLayout } from '../../components/LockLayout'
import { OpenBundle } from './OpenBundle'
import './allies.css'

/** Offered where a vault would be created: after a wipe, the backup becomes the new vault. */
export function RestoreVault({ onBack }: { onBack(): void }) {
  const { t } = useTranslation()
  return (
    <LockLayout title={t('allies.restore.title')}>
      <div className="restore">
        <OpenBundle mode="restore" />
        <button type="button" data-testid="restore-back" onClick={onBack}>
          {t('allies.restore.back')}
        </button>
      </div>
    </LockLayout>
  )
}
