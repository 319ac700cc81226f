import { app, powerMonitor, type BrowserWindow } from 'electron'
import type { VaultState } from '../../shared/ipc-schema'
import type { AppCore } from '../appCore'
import { watchScreenLock } from './screenLock'

export interface Lockable {
  lock(): void
  onLock(listener: () => void): () => void
  state(): Promise<VaultState>
}

/**
 * The renderer held decrypted records in its JS heap: after every lock it is
 * replaced by a new one in a new process (`renew`). A lock that is part of a
 * wipe is left to the wipe's own handler (`afterWipe.ts`), which clears the
 * session first and then renews once: the wipe unlinks the key header before
 * it locks, so the vault already reads as absent here.
 */
export function renewOnLock(service: Lockable, renew: () => void): () => void {
  return service.onLock(() => {
    void service.state().then((state) => {
      if (state !== 'absent') renew()
    })
  })
}

/**
 * A seized laptop is usually taken asleep or at the OS lock screen: either
 * locks the vault. Quitting locks it too, without the pointless renderer
 * restart.
 */
export function lockWithSystem(service: Lockable, renew: () => void): void {
  const stopRenewing = renewOnLock(service, renew)
  const lock = () => service.lock()
  watchScreenLock(lock)
  powerMonitor.on('suspend', lock)
  app.on('before-quit', () => {
    stopRenewing()
    lock()
  })
}

/** "Lock when minimised" is optional: some people keep the app minimised all day on purpose. */
export function lockOnMinimise(core: AppCore, window: BrowserWindow): void {
  window.on('minimize', () => {
    void core.settings.get().then((s) => {
      if (s.lockOnMinimise) core.vault.lock()
    })
  })
}
