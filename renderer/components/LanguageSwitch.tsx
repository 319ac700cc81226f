import { useTranslation } from 'react-i18next'
import type { Language } from '../../shared/errors'
import { currentLanguage, languages, setLanguage } from '../i18n'

export function LanguageSwitch() {
  const { t } = useTranslation()
  return (
    <div className="language">
      <label htmlFor="language-select">{t('language.label')}</label>
      <select
        id="language-select"
        data-testid="language-select"
        value={currentLanguage()}
        onChange={(e) => void setLanguage(e.target.value as Language)}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
