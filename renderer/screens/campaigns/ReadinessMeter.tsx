import { useTranslation } from 'react-i18next'
import type { CampaignReadiness } from '../../../shared/readiness/rules'

/** The score as a meter and in words, so it reads without colour too. */
export function ReadinessMeter({ score, label, testId }: { score: CampaignReadiness['score']; label: string; testId: string }) {
  const { t } = useTranslation()
  return (
    <span className="readiness-meter">
      <meter min={0} max={100} low={50} high={99} optimum={100} value={score.percent} aria-label={label} />
      <span data-testid={testId}>{t('campaigns.score', { percent: score.percent })}</span>
    </span>
  )
}
