import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { incidentKinds, type Incident, type IncidentKind } from '../../../shared/domain/incident'
import { Alert } from '../../components/Alert'
import { Select } from '../../components/form/Choices'
import { Pager } from '../../components/Pager'
import { useAction } from '../../components/useAction'
import { timelinePageSize, useEvidence, type TimelineFilter } from '../../state/evidence'
import { formatOccurred } from './format'
import { ReportPanel } from './ReportPanel'
import { VerifyPanel } from './VerifyPanel'

type Panel = 'verify' | 'report' | null

/** Every incident in the order it happened, filtered by campaign, person and kind. */
export function Timeline() {
  const { t } = useTranslation()
  const { filter, items, total, offset, options } = useEvidence()
  const startNew = useEvidence((s) => s.startNew)
  const load = useAction(useEvidence((s) => s.loadTimeline))
  const open = useAction(useEvidence((s) => s.open))
  const [panel, setPanel] = useState<Panel>(null)
  const runLoad = load.run

  // Fetched afresh each time it is shown; nothing is cached across screens.
  useEffect(() => {
    const { filter: shown, offset: at } = useEvidence.getState()
    void runLoad(shown, at)
  }, [runLoad])

  const setFilter = (change: Partial<TimelineFilter>) => {
    const next = { ...filter, ...change }
    for (const key of Object.keys(next) as (keyof TimelineFilter)[]) if (!next[key]) delete next[key]
    void runLoad(next)
  }
  const any = { value: '', label: t('evidence.filters.any') }
  const togglePanel = (which: Exclude<Panel, null>) => setPanel(panel === which ? null : which)
  const filtered = Object.keys(filter).length > 0

  return (
    <section aria-labelledby="evidence-title">
      <div className="section-header">
        <h1 id="evidence-title">{t('evidence.title')}</h1>
        <div className="actions">
          <button type="button" className="primary" data-testid="incident-new" onClick={startNew}>
            {t('evidence.new')}
          </button>
          <button type="button" data-testid="verify-open" aria-expanded={panel === 'verify'} onClick={() => togglePanel('verify')}>
            {t('evidence.verify.button')}
          </button>
          <button type="button" data-testid="report-open" aria-expanded={panel === 'report'} onClick={() => togglePanel('report')}>
            {t('evidence.report.button')}
          </button>
        </div>
      </div>
      <p className="hint">{t('evidence.intro')}</p>
      {panel === 'verify' && <VerifyPanel />}
      {panel === 'report' && <ReportPanel />}

      <h2>{t('evidence.timeline')}</h2>
      <div className="field-row timeline-filters" role="group" aria-label={t('evidence.filters.label')}>
        <Select
          id="filter-campaign"
          label={t('evidence.filters.campaign')}
          value={filter.campaignId ?? ''}
          options={[any, ...options.campaigns.map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(campaignId) => setFilter({ campaignId })}
        />
        <Select
          id="filter-person"
          label={t('evidence.filters.person')}
          value={filter.personId ?? ''}
          options={[any, ...options.people.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(personId) => setFilter({ personId })}
        />
        <Select
          id="filter-kind"
          label={t('evidence.filters.kind')}
          value={filter.kind ?? ''}
          options={[any, ...incidentKinds.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))]}
          onChange={(kind) => setFilter({ kind: kind as IncidentKind })}
        />
      </div>
      <Alert testId="timeline-error" code={load.error ?? open.error} />
      <p className="hint" data-testid="timeline-total">
        {t('evidence.total', { total })}
      </p>
      {items.length === 0 ? (
        <p data-testid="timeline-empty">{filtered ? t('evidence.noMatch') : t('evidence.empty')}</p>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((incident) => (
            <li key={incident.id}>
              <TimelineRow incident={incident} onOpen={() => void open.run(incident.id)} />
            </li>
          ))}
        </ol>
      )}
      <Pager testId="timeline-pager" offset={offset} limit={timelinePageSize} total={total} onPage={(at) => void runLoad(filter, at)} />
    </section>
  )
}

function TimelineRow({ incident, onOpen }: { incident: Incident; onOpen(): void }) {
  const { t } = useTranslation()
  const where = [incident.platform, incident.place].filter(Boolean).join(', ')
  return (
    <button type="button" className="timeline-row" data-testid="timeline-row" onClick={onOpen}>
      <span className="timeline-when">{formatOccurred(incident)}</span>
      <span className="timeline-title" data-testid="timeline-row-title">
        {incident.title}
      </span>
      <span className="timeline-meta">
        <span className={`severity severity-${incident.severity}`}>{t('evidence.row.severity', { severity: t(`evidence.severities.${incident.severity}`) })}</span>
        <span>{t(`evidence.kinds.${incident.kind}`)}</span>
        {where && <span>{where}</span>}
        <span data-testid="timeline-row-files">{t('evidence.row.files', { count: incident.fileIds.length })}</span>
      </span>
    </button>
  )
}
