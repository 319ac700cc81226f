import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { documentKinds } from '../../../shared/domain/travelDocument'
import { Alert } from '../../components/Alert'
import { Select } from '../../components/form/Choices'
import { Pager } from '../../components/Pager'
import { useAction } from '../../components/useAction'
import { expiryWindows, type ExpiryWindow } from '../../../shared/expiry'
import { expiryPageSize, usePeople, type DocumentKind, type ExpiryFilter } from '../../state/people'
import { DocumentState } from './DocumentState'

async function loadPeopleAndNeeds(): Promise<void> {
  await Promise.all([usePeople.getState().loadEveryone(), usePeople.getState().loadTravelNeeds()])
}

/** Every document expired or expiring within the chosen window, soonest first, filtered by person and kind. */
export function ExpiryOverview() {
  const { t } = useTranslation()
  const { filter, window, noCampaign, items, total, offset } = usePeople((s) => s.expiry)
  const everyone = usePeople((s) => s.everyone)
  const load = useAction(usePeople((s) => s.loadExpiry))
  const open = useAction(usePeople((s) => s.openDocument))
  const loadExpiry = load.run
  const loadPeople = useAction(loadPeopleAndNeeds).run
  const setWindow = useAction(usePeople((s) => s.setExpiryWindow))

  useEffect(() => {
    void loadPeople()
    void loadExpiry(usePeople.getState().expiry.filter, 0)
  }, [loadExpiry, loadPeople])

  const refilter = (patch: ExpiryFilter) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof ExpiryFilter)[]) if (!next[key]) delete next[key]
    void loadExpiry(next, 0)
  }

  return (
    <div>
      <h2>{t('people.expiry.title')}</h2>
      <p className="hint">{t('people.expiry.intro')}</p>
      <div className="toolbar">
        <Select
          id="expiry-window"
          label={t('people.expiry.window')}
          value={window}
          options={expiryWindows.map((w) => ({ value: w, label: t(`people.expiry.windows.${w}`) }))}
          onChange={(w) => void setWindow.run(w as ExpiryWindow)}
        />
        <Select
          id="expiry-person"
          label={t('people.expiry.person')}
          value={filter.personId ?? ''}
          options={[{ value: '', label: t('people.expiry.allPeople') }, ...everyone.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(personId) => refilter({ personId })}
        />
        <Select
          id="expiry-kind"
          label={t('people.expiry.kind')}
          value={filter.kind ?? ''}
          options={[{ value: '', label: t('people.expiry.allKinds') }, ...documentKinds.map((k) => ({ value: k, label: t(`people.documents.kinds.${k}`) }))]}
          onChange={(kind) => refilter({ kind: kind as DocumentKind })}
        />
      </div>
      {noCampaign && (
        <p className="hint" data-testid="expiry-no-campaign">
          {t('people.expiry.noCampaign')}
        </p>
      )}
      <Alert testId="expiry-error" code={load.error ?? open.error ?? setWindow.error} />
      <p className="hint" data-testid="expiry-total">
        {t('people.expiry.total', { total })}
      </p>
      {items.length === 0 ? (
        <p data-testid="expiry-empty">{t('people.expiry.empty')}</p>
      ) : (
        <ul className="record-list" data-testid="expiry-list">
          {items.map((d) => (
            <li key={d.id}>
              <button type="button" className="record-row" data-testid="expiry-row" onClick={() => void open.run(d.id)}>
                <span className="record-title" data-testid="expiry-row-person">
                  {d.personName}
                </span>
                <span>{t('people.documents.summary', { kind: t(`people.documents.kinds.${d.kind}`), country: d.issuingCountry })}</span>
                <DocumentState document={d} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <Pager testId="expiry-pager" offset={offset} limit={expiryPageSize} total={total} onPage={(o) => void loadExpiry(filter, o)} />
    </div>
  )
}
