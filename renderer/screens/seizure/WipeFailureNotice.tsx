import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../shared/errors'
import { useAction } from '../../components/useAction'
import { currentLanguage } from '../../i18n'
import { useVault } from '../../state/vault'
import './seizure.css'

/**
 * A wipe that did not finish locks the vault, and the window that saw the
 * error is replaced: this is where the new one says so, loudly, with main's
 * report of what was and was not destroyed, until she acknowledges it.
 */
export function WipeFailureNotice() {
  const { t } = useTranslation()
  const report = useVault((s) => s.wipeFailure)
  const acknowledge = useAction(useVault((s) => s.acknowledgeWipeFailure))
  if (report === null) return null
  return (
    <div role="alert" className="wipe-failure" data-testid="wipe-failure">
      <p className="wipe-failure-message">{errorMessage('WIPE_INCOMPLETE', currentLanguage())}</p>
      <p>{t('seizure.wipeFailure.report')}</p>
      <p className="wipe-failure-report" data-testid="wipe-failure-report">
        {report}
      </p>
      <button type="button" className="danger" data-testid="wipe-failure-acknowledge" disabled={acknowledge.busy} onClick={() => void acknowledge.run()}>
        {t('seizure.wipeFailure.acknowledge')}
      </button>
    </div>
  )
}
