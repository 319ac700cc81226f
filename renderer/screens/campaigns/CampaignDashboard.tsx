import { useTranslation } from 'react-i18next'
import type { Deadline } from '../../../shared/readiness/rules'
import { formatCalendarDate, formatCountdown, readinessText } from '../../i18n/calendarFormat'
import { useCampaigns } from '../../state/campaigns'
import { ReadinessMeter } from './ReadinessMeter'

/** At a glance: the score, what is missing and why, and what is due next. */
export function CampaignDashboard() {
  const { t } = useTranslation()
  const current = useCampaigns((s) => s.current)
  const readiness = useCampaigns((s) => s.readiness)
  if (readiness === null || current === null || current === 'new') return null
  const failing = readiness.items.filter((i) => i.applicable && !i.met)
  const start = current.startDate

  return (
    <div className="dashboard">
      <section className="panel" aria-labelledby="dashboard-score">
        <h2 id="dashboard-score">{t('campaigns.dashboard.score')}</h2>
        <p className="score-big">
          <ReadinessMeter score={readiness.score} label={t('campaigns.dashboard.score')} testId="dashboard-score" />
        </p>
        <p data-testid="dashboard-score-line">{t('campaigns.dashboard.scoreLine', readiness.score)}</p>
        {start && readiness.daysUntilStart !== null && (
          <p className="hint" data-testid="dashboard-start">
            {readiness.daysUntilStart >= 0
              ? t('campaigns.dashboard.starts', { when: formatCountdown(readiness.daysUntilStart), date: formatCalendarDate(start) })
              : t('campaigns.dashboard.started', { date: formatCalendarDate(start) })}
          </p>
        )}
        {readiness.warning && (
          <p className="warning" role="alert" data-testid="dashboard-warning">
            {readinessText(readiness.warning)}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="dashboard-failing">
        <h2 id="dashboard-failing">{t('campaigns.dashboard.failing')}</h2>
        {failing.length === 0 ? (
          <p className="success" data-testid="dashboard-all-met">
            {t('campaigns.dashboard.allMet')}
          </p>
        ) : (
          <ul className="failing-list" data-testid="failing-list">
            {failing.map((item) => (
              <li key={item.id} data-testid="failing-item" data-kind={item.kind}>
                <span className="state-tag state-bad">{t('campaigns.checklist.notMet')}</span>{' '}
                <strong data-testid="failing-item-title">{readinessText(item.title)}</strong>
                <ul className="reasons">
                  {item.reasons.map((reason, i) => (
                    <li key={i} data-testid="failing-reason">
                      {readinessText(reason)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="dashboard-deadlines">
        <h2 id="dashboard-deadlines">{t('campaigns.dashboard.deadlines')}</h2>
        {readiness.nextDeadlines.length === 0 ? (
          <p className="hint">{t('campaigns.dashboard.noDeadlines')}</p>
        ) : (
          <ul className="deadline-list" data-testid="deadline-list">
            {readiness.nextDeadlines.map((deadline) => (
              <DeadlineRow key={`${deadline.source}-${deadline.ref}`} deadline={deadline} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function DeadlineRow({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation()
  const overdue = deadline.daysLeft < 0
  return (
    <li data-testid="deadline-item">
      <span className="deadline-date">{formatCalendarDate(deadline.dueDate)}</span>
      <span>{readinessText(deadline.title)}</span>
      <span className={overdue ? 'state-tag state-bad' : 'record-muted'}>
        {formatCountdown(deadline.daysLeft)}
        {overdue && ` · ${t('campaigns.dashboard.overdue')}`}
      </span>
    </li>
  )
}
