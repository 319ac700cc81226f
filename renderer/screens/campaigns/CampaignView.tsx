import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { Tabs } from '../../components/Tabs'
import { useAction } from '../../components/useAction'
import { useCampaigns, type CampaignTab } from '../../state/campaigns'
import { CampaignDashboard } from './CampaignDashboard'
import { CampaignEditor } from './CampaignEditor'
import { Checklist } from './Checklist'

const tabs: CampaignTab[] = ['dashboard', 'checklist', 'details']

/** One campaign: its dashboard, checklist and plan, one tab at a time. */
export function CampaignView() {
  const { t } = useTranslation()
  const current = useCampaigns((s) => s.current)
  const tab = useCampaigns((s) => s.tab)
  const setTab = useCampaigns((s) => s.setTab)
  const close = useCampaigns((s) => s.close)
  const refresh = useAction(useCampaigns((s) => s.refresh))
  const runRefresh = refresh.run

  // Coming back to a campaign from another screen shows what changed there.
  useEffect(() => {
    void runRefresh()
  }, [runRefresh])

  if (current === null) return null

  return (
    <section>
      <div className="section-header">
        <h1 data-testid="campaign-heading">{current === 'new' ? t('campaigns.editor.newTitle') : current.title}</h1>
        <button type="button" data-testid="campaign-back" onClick={close}>
          {t('campaigns.back')}
        </button>
      </div>
      <Alert testId="campaign-refresh-error" code={refresh.error} />
      {current !== 'new' && (
        <Tabs idPrefix="campaign" label={t('campaigns.tabs.label')} names={tabs} selected={tab} onSelect={setTab} title={(name) => t(`campaigns.tabs.${name}`)} />
      )}
      <div id="campaign-panel" role={current === 'new' ? undefined : 'tabpanel'} aria-labelledby={current === 'new' ? undefined : `campaign-tab-${tab}`}>
        {current === 'new' || tab === 'details' ? (
          <CampaignEditor campaign={current} />
        ) : tab === 'checklist' ? (
          <Checklist />
        ) : (
          <CampaignDashboard />
        )}
      </div>
    </section>
  )
}
