import { useTranslation } from 'react-i18next'
import type { Screen } from '../state/navigation'

/** Sections that later issues fill; each says plainly what will be here. */
export function Placeholder({ screen }: { screen: Exclude<Screen, 'campaigns' | 'people' | 'contacts' | 'settings'> }) {
  const { t } = useTranslation()
  return (
    <section>
      <h1>{t(`nav.${screen}`)}</h1>
      <p className="placeholder" data-testid="placeholder">
        {t(`placeholder.${screen}`)}
      </p>
    </section>
  )
}
