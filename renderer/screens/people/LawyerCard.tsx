import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportLanguage } from '../../../shared/domain/custody'
import { call } from '../../api'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { currentLanguage, languages } from '../../i18n'
import '../../components/records.css'

/** The wallet card with the speed-dial lawyer's number: saved as a PDF, after a plain warning. */
export function LawyerCard() {
  const { t } = useTranslation()
  const [language, setLanguage] = useState<ReportLanguage>(currentLanguage())
  const [outcome, setOutcome] = useState<'saved' | 'cancelled' | null>(null)
  const save = useAction(async () => {
    setOutcome(null)
    const { saved } = await call('saveLawyerCard', { language })
    setOutcome(saved ? 'saved' : 'cancelled')
  })

  return (
    <section className="panel" aria-labelledby="lawyer-card-title">
      <h2 id="lawyer-card-title">{t('people.lawyerCard.title')}</h2>
      <p className="hint">{t('people.lawyerCard.intro')}</p>
      <p className="warning" data-testid="lawyer-card-warning">
        {t('people.lawyerCard.warning')}
      </p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="lawyer-card-language">{t('people.lawyerCard.language')}</label>
          <select id="lawyer-card-language" data-testid="lawyer-card-language" value={language} onChange={(e) => setLanguage(e.target.value as ReportLanguage)}>
            {languages.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="button" data-testid="lawyer-card-save" onClick={() => void save.run()} disabled={save.busy}>
          {save.busy ? t('people.lawyerCard.saving') : t('people.lawyerCard.save')}
        </button>
      </div>
      {/* Without a speed-dial lawyer the vault answers NOT_FOUND; say what to do instead. */}
      <Alert
        testId="lawyer-card-error"
        message={save.error === 'NOT_FOUND' ? t('people.lawyerCard.none') : null}
        code={save.error === 'NOT_FOUND' ? null : save.error}
      />
      {outcome && (
        <p role="status" className={outcome === 'saved' ? 'success' : 'hint'} data-testid="lawyer-card-outcome">
          {t(`people.lawyerCard.${outcome}`)}
        </p>
      )}
    </section>
  )
}
