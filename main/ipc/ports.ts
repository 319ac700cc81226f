import type { ClipboardGuard } from '../clipboardGuard'
import type { AgeEngine } from '../exchange/ageEngine'
import type { SettingsStore } from '../settings/settingsStore'
import type { PanicShortcutStatus } from '../../shared/ipc-schema'

/** 'evidenceFolders' picks folders only: outside macOS one dialog cannot offer files and folders. */
export type OpenPurpose = 'evidence' | 'evidenceFolders' | 'bundle'
export type SavePurpose = 'report' | 'copy' | 'bundle' | 'lawyerCard'

/**
 * Native file dialogs. Paths come from here, chosen by the person at the
 * keyboard, never from the renderer: a compromised renderer must not pick
 * where plaintext is written or which files are read.
 */
export interface DialogsPort {
  /** The chosen files (folders for 'evidenceFolders'), or [] when cancelled. */
  openFiles(purpose: OpenPurpose): Promise<string[]>
  /** Where to write, or null when cancelled; `suggestedName` is only a default. */
  saveFile(purpose: SavePurpose, suggestedName: string): Promise<string | null>
}

/** What handlers need beyond the vault; the app core builds these once. */
export interface AppPorts {
  settings: SettingsStore
  clipboard: ClipboardGuard
  dialogs: DialogsPort
  /** age encryption for bundles, off the main thread in the app. */
  age: AgeEngine
  activity: () => void
  /** Only the Electron shell registers a global shortcut; elsewhere it is inactive. */
  panicShortcut: () => PanicShortcutStatus
}
