import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { useAction } from '../components/useAction'
import { screens, useNavigation, type Screen } from '../state/navigation'
import { lockVault } from '../state/session'
import { Contacts } from './Contacts'
import { Placeholder } from './Placeholder'
import { Settings } from './Settings'
import { SpeedDial } from './SpeedDial'

function content(screen: Screen): ReactNode {
  switch (screen) {
    case 'contacts':
      return <Contacts />
    case 'settings':
      return <Settings />
    default:
      return <Placeholder screen={screen} />
  }
}

export function AppFrame() {
  const { t } = useTranslation()
  const screen = useNavigation((s) => s.screen)
  const go = useNavigation((s) => s.go)
  const lock = useAction(lockVault)

  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <div className="topbar-actions">
          <LanguageSwitch />
          <button type="button" data-testid="lock-button" onClick={() => void lock.run()} disabled={lock.busy}>
            {t('frame.lock')}
          </button>
        </div>
      </header>
      <aside className="sidebar">
        <nav aria-label={t('frame.navigation')}>
          <ul className="nav">
            {screens.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  data-testid={`nav-${name}`}
                  aria-current={name === screen ? 'page' : undefined}
                  onClick={() => go(name)}
                >
                  {t(`nav.${name}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <SpeedDial />
      </aside>
      <main className="content" data-testid={`screen-${screen}`}>
        {content(screen)}
      </main>
    </div>
  )
}
