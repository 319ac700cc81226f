import { useTranslation } from 'react-i18next'
import { passphraseStrength } from '../../shared/passphraseStrength'

// Indexed by score, 0 to 4.
const scoreNames = ['tooWeak', 'weak', 'fair', 'good', 'strong'] as const

export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation()
  const { score, hint } = passphraseStrength(passphrase)
  return (
    <div className="strength" aria-live="polite">
      <label htmlFor={id}>{t('strength.label')}</label>
      <meter id={id} data-testid="strength-meter" min={0} max={4} low={2} high={3} optimum={4} value={score} />
      <p className="hint">
        <strong data-testid="strength-label">{t(`strength.score.${scoreNames[score]}`)}</strong>{' '}
        <span data-testid="strength-hint">{t(hint)}</span>
      </p>
    </div>
  )
}
