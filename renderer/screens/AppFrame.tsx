import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { useAction } from '../components/useAction'
import { screens, useNavigation, type Screen } from '../state/navigation'
import { lockVault } from '../state/session'
import { Allies } from './allies/Allies'
import { Campaigns } from './campaigns/Campaigns'
import { Contacts } from './Contacts'
import { Evidence } from './evidence/Evidence'
import { ExpiryReminder } from './people/ExpiryReminder'
import { People } from './people/People'
import { GlobalSearch } from './search/GlobalSearch'
import { PanicButton } from './seizure/PanicButton'
import { useActivityReporter } from './seizure/useActivityReporter'
import { Settings } from './Settings'
import { SpeedDial } from './SpeedDial'

function content(screen: Screen): ReactNode {
  switch (screen) {
    case 'campaigns':
      return <Campaigns />
    case 'people':
      return <People />
    case 'contacts':
      return <Contacts />
    case 'settings':
      return <Settings />
    case 'allies':
      return <Allies />
    case 'evidence':
      return <Evidence />
  }
}

export function AppFrame() {
  const { t } = useTranslation()
  const screen = useNavigation((s) => s.screen)
  const go = useNavigation((s) => s.go)
  const lock = useAction(lockVault)
  useActivityReporter()

  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <GlobalSearch />
        <div className="topbar-actions">
          <LanguageSwitch />
          <button type="button" data-testid="lock-button" onClick={() => void lock.run()} disabled={lock.busy}>
            {t('frame.lock')}
          </button>
          <PanicButton />
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
        <ExpiryReminder />
        {content(screen)}
      </main>
    </div>
  )
}
