import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'

/** The frame of the screens shown before the vault is open. */
export function LockLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="lock-layout">
      <header className="lock-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="card">
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  )
}
