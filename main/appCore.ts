import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { ClipboardGuard, type ClipboardPort } from './clipboardGuard'
import { createHandlers } from './ipc/handlers'
import type { DialogsPort } from './ipc/ports'
import { ageWorkerEngine } from './exchange/ageWorkerEngine'
import { ExportFolders } from './exchange/exportFolders'
import { SettingsStore } from './settings/settingsStore'
import { AutoLock } from './vault/autoLock'
import { VaultService, type ServiceOptions } from './vault/service'
import type { PanicShortcutStatus } from '../shared/ipc-schema'

export interface AppCoreOptions {
  /** Holds settings.json; the vault lives in `vault/` inside it. */
  dataDir: string
  /** Overrides `dataDir/vault`. */
  vaultDir?: string
  kdf: 'minimum' | 'calibrate'
  clipboard: ClipboardPort
  dialogs: DialogsPort
  /** The ageWorker entry (built .js, or .ts from source): age then runs off the main thread. */
  ageWorker: URL
  throttle?: ServiceOptions['throttle']
  /** Whether the shell's global panic shortcut is registered; without a shell it is not. */
  panicShortcut?: () => PanicShortcutStatus
}

/**
 * Everything the app runs on, wired once, with no Electron in it: Electron's
 * main process and the loopback test harness both build the app from here,
 * so the e2e tests exercise the same wiring users get.
 */
export async function createAppCore(options: AppCoreOptions) {
  const settings = new SettingsStore(join(options.dataDir, 'settings.json'))
  // Partial files of exports killed with the app go at the next start.
  const exportFolders = new ExportFolders(join(options.dataDir, 'export-folders.json'))
  await exportFolders.sweep()
  // Releases before 2026-11-29 counted wrong passphrases here; the count now lives in the vault folder. Left behind, it would only tell an examiner that someone failed.
  await rm(join(options.dataDir, 'unlock-failures.json'), { force: true })
  let autoLockMinutes = (await settings.get()).autoLockMinutes
  settings.onChange((s) => (autoLockMinutes = s.autoLockMinutes))

  const vault = new VaultService(options.vaultDir ?? join(options.dataDir, 'vault'), {
    kdf: options.kdf,
    throttle: options.throttle,
    // The counter lives in the vault folder, shared with the CLI (passphraseGuard.ts).
    failurePolicy: { limit: async () => (await settings.get()).wipeAfterFailures },
  })

  const clipboard = new ClipboardGuard(options.clipboard)
  vault.onLock(() => void clipboard.clearNow())
  vault.onWipe(() => void clipboard.clearNow())

  const autoLock = new AutoLock({ timeoutMs: () => autoLockMinutes * 60_000, onIdle: () => vault.lock() })
  const handlers = createHandlers(vault, {
    settings,
    clipboard,
    dialogs: exportFolders.remembering(options.dialogs),
    age: ageWorkerEngine(options.ageWorker),
    activity: () => autoLock.touch(),
    panicShortcut: options.panicShortcut ?? (() => ({ active: false, accelerator: '' })),
  })

  return {
    vault,
    settings,
    clipboard,
    autoLock,
    handlers,
    dispose() {
      autoLock.stop()
      vault.lock()
    },
  }
}

export type AppCore = Awaited<ReturnType<typeof createAppCore>>
