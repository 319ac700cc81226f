import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Pager } from '../../components/Pager'
import { useAction } from '../../components/useAction'
import { campaignPageSize, useCampaigns, type CampaignSummary } from '../../state/campaigns'
import { useFirstSteps } from '../../state/firstSteps'
import { BackupReminder } from '../home/BackupReminder'
import { FirstStepsPanel } from '../home/FirstStepsPanel'
import { campaignDates } from './campaignDates'
import { CampaignView } from './CampaignView'
import { ReadinessMeter } from './ReadinessMeter'
import '../../components/records.css'
import './campaigns.css'

export function Campaigns() {
  const current = useCampaigns((s) => s.current)
  return current === null ? <CampaignList /> : <CampaignView key={current === 'new' ? 'new' : current.id} />
}

function CampaignList() {
  const { t } = useTranslation()
  const { items, total, offset } = useCampaigns()
  const startNew = useCampaigns((s) => s.startNew)
  const load = useAction(useCampaigns((s) => s.loadPage))
  const open = useAction(useCampaigns((s) => s.open))
  const loadPage = load.run
  const steps = useAction(useFirstSteps((s) => s.load))
  const loadSteps = steps.run

  // Fetched afresh each time the list is shown; nothing is cached across screens.
  useEffect(() => {
    void loadPage(useCampaigns.getState().offset)
    void loadSteps()
  }, [loadPage, loadSteps])

  return (
    <section>
      <div className="section-header">
        <h1>{t('campaigns.title')}</h1>
        <button type="button" className="primary" data-testid="campaign-new" onClick={startNew}>
          {t('campaigns.new')}
        </button>
      </div>
      <BackupReminder />
      <FirstStepsPanel />
      <Alert testId="campaigns-error" code={load.error ?? open.error ?? steps.error} />
      <p className="hint" data-testid="campaigns-total">
        {t('campaigns.total', { total })}
      </p>
      {items.length === 0 ? (
        <p data-testid="campaigns-empty">{t('campaigns.empty')}</p>
      ) : (
        <ul className="record-list" data-testid="campaign-list">
          {items.map((summary) => (
            <li key={summary.campaign.id}>
              <CampaignRow summary={summary} onOpen={() => void open.run(summary.campaign.id)} />
            </li>
          ))}
        </ul>
      )}
      <Pager testId="campaigns-pager" offset={offset} limit={campaignPageSize} total={total} onPage={(o) => void loadPage(o)} />
    </section>
  )
}

function CampaignRow({ summary, onOpen }: { summary: CampaignSummary; onOpen(): void }) {
  const { t } = useTranslation()
  const { campaign, score } = summary
  return (
    <button type="button" className="record-row campaign-row" data-testid="campaign-row" onClick={onOpen}>
      <span className="record-title" data-testid="campaign-row-title">
        {campaign.title}
      </span>
      <span className="record-muted">{campaignDates(t, campaign.startDate, campaign.endDate)}</span>
      <ReadinessMeter score={score} label={t('campaigns.scoreLabel', { title: campaign.title })} testId="campaign-row-score" />
    </button>
  )
}
