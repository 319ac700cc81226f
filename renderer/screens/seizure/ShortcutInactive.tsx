import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'

/**
 * Says so when the system refused the panic shortcut (Wayland without the
 * portal, keys taken by another app). A failed question counts as a refusal,
 * so the shortcut is never presented as working when it might not be; the
 * notice waits only for main's first answer. `accelerator` re-asks after the
 * keys change.
 */
export function ShortcutInactive({ accelerator }: { accelerator?: string }) {
  const { t } = useTranslation()
  const [active, setActive] = useState<boolean | null>(null)

  useEffect(() => {
    let current = true
    call('panicShortcutStatus').then(
      (status) => current && setActive(status.active),
      () => current && setActive(false),
    )
    return () => {
      current = false
    }
  }, [accelerator])

  if (active !== false) return null
  return (
    <p role="alert" className="warning" data-testid="panic-shortcut-inactive">
      {t('seizure.settings.shortcut.inactive')}
    </p>
  )
}
