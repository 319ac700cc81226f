import { app, type Session } from 'electron'
import type { AppCore } from '../appCore'

/**
 * What follows a wipe from any trigger (shortcut, hold button, duress, too
 * many wrong passphrases): the session's storage and caches are cleared,
 * then the app quits or shows a fresh install in a new window, as the panic
 * action says. This is the only renewal a wipe causes (`renewOnLock` leaves
 * the wipe's own lock alone).
 */
export function finishEveryWipe(core: AppCore, session: Session, renew: () => void): void {
  core.vault.onWipe(() => {
    void (async () => {
      await session.clearStorageData().catch(() => {})
      await session.clearCache().catch(() => {})
      if ((await core.settings.get()).panicAction === 'quit') app.quit()
      else renew()
    })()
  })
}
