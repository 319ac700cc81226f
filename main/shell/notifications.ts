import { Notification } from 'electron'
import type { Language } from '../../shared/errors'
import type { AppCore } from '../appCore'
import { documentsNeedAttention } from '../reminders'

// Shown on a lock screen or a shared display: it says that something is due, never what or whose.
const body: Record<Language, string> = {
  en: 'A document needs attention.',
  ru: 'Документ требует внимания.',
}

/** After an unlock, an OS notification when a document is expired or expires within 30 days, if the user asked for it. */
export function notifyAboutDocuments(core: AppCore, language: () => Language): void {
  core.vault.onUnlock(() => {
    void core.settings.get().then((settings) => {
      if (!settings.documentNotifications || !Notification.isSupported()) return
      if (!documentsNeedAttention(core.vault.store)) return
      new Notification({ title: 'Sestra', body: body[language()], silent: true }).show()
    })
  })
}
