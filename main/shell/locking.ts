import { app, powerMonitor, type BrowserWindow } from 'electron'

export interface Lockable {
  lock(): void
  onLock(listener: () => void): () => void
}

/**
 * The renderer held decrypted records in its JS heap; a reload alone may keep
 * the same process and its freed-but-unwiped memory. Killing the renderer
 * process first hands that memory back to the OS, then the page starts fresh
 * in a new process at the lock screen.
 */
export function discardRenderer(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  window.webContents.forcefullyCrashRenderer()
  window.webContents.reload()
}

/**
 * A seized laptop is usually taken asleep or at the OS lock screen: either
 * locks the vault. Quitting locks it too, without the pointless renderer
 * restart.
 */
export function lockWithSystem(service: Lockable, window: () => BrowserWindow | null): void {
  const stopDiscarding = service.onLock(() => discardRenderer(window()))
  const lock = () => service.lock()
  powerMonitor.on('lock-screen', lock)
  powerMonitor.on('suspend', lock)
  app.on('before-quit', () => {
    stopDiscarding()
    lock()
  })
}
