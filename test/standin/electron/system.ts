import { EventEmitter } from 'node:events'
import { recorded } from './recorder'
import { settings } from './settings'

/*
 * The parts of Electron that talk to the desktop: scripted or recorded, never
 * real. The test drives them over the control channel (control.ts).
 */

const scripted = { open: [] as string[][], save: [] as (string | null)[], messageBox: [] as number[] }

/** Queues what the person picks in the next dialogs; an unscripted dialog is cancelled. */
export function scriptDialogs(answers: { open?: string[]; save?: string | null; messageBox?: number }): void {
  if (answers.open) scripted.open.push(answers.open)
  if (answers.save !== undefined) scripted.save.push(answers.save)
  if (answers.messageBox !== undefined) scripted.messageBox.push(answers.messageBox)
}

/** The optional parent window comes first in every dialog call. */
const optionsOf = <T>(args: unknown[]): T => (args.length > 1 ? args[1] : args[0]) as T

export const dialog = {
  async showOpenDialog(...args: unknown[]) {
    recorded.openDialogs.push(optionsOf<{ title?: string }>(args)?.title ?? '')
    const filePaths = scripted.open.shift()
    return filePaths ? { canceled: false, filePaths } : { canceled: true, filePaths: [] }
  },
  async showSaveDialog(...args: unknown[]) {
    recorded.saveDialogs.push(optionsOf<{ title?: string }>(args)?.title ?? '')
    const filePath = scripted.save.shift()
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' }
  },
  /** Answers Cancel (cancelId, else the last button) unless the test scripted a button. */
  async showMessageBox(...args: unknown[]) {
    const options = optionsOf<{ message: string; buttons?: string[]; cancelId?: number }>(args)
    const buttons = options.buttons ?? ['OK']
    recorded.messageBoxes.push({ message: options.message, buttons })
    return { response: scripted.messageBox.shift() ?? options.cancelId ?? buttons.length - 1, checkboxChecked: false }
  },
  showErrorBox(title: string, content: string) {
    recorded.messageBoxes.push({ message: `${title}: ${content}`, buttons: [] })
  },
}

let clipboardText = ''
export const clipboard = {
  readText: () => clipboardText,
  writeText: (text: string) => void (clipboardText = text),
  clear: () => void (clipboardText = ''),
}

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true
  }
  constructor(private readonly options: { title?: string; body?: string } = {}) {
    super()
  }
  show(): void {
    recorded.notifications.push({ title: this.options.title, body: this.options.body })
    this.emit('show')
  }
  close(): void {
    this.emit('close')
  }
}

const shortcuts = new Map<string, () => void>()
export const globalShortcut = {
  /** False when the test says the platform refuses (Wayland without the GlobalShortcutsPortal). */
  register(accelerator: string, callback: () => void): boolean {
    if (settings.shortcuts === 'refuse' || shortcuts.has(accelerator)) return false
    shortcuts.set(accelerator, callback)
    recorded.shortcuts.push(accelerator)
    return true
  },
  unregister: (accelerator: string) => void shortcuts.delete(accelerator),
  unregisterAll: () => shortcuts.clear(),
  isRegistered: (accelerator: string) => shortcuts.has(accelerator),
}

/** The person presses a registered shortcut anywhere on the desktop. */
export function pressShortcut(accelerator: string): boolean {
  const callback = shortcuts.get(accelerator)
  callback?.()
  return callback !== undefined
}

let idleState: 'active' | 'idle' | 'locked' | 'unknown' = 'active'
class PowerMonitor extends EventEmitter {
  getSystemIdleState(_thresholdSeconds: number) {
    return idleState
  }
  getSystemIdleTime() {
    return 0
  }
  isOnBatteryPower() {
    return false
  }
}
export const powerMonitor = new PowerMonitor()

/** Events Electron documents for macOS and Windows only. */
const desktopOnly = new Set(['lock-screen', 'unlock-screen'])

/** Emits a power event if Electron emits it on the chosen platform; says whether it did. */
export function emitPower(event: string): boolean {
  if (desktopOnly.has(event) && settings.platform !== 'darwin' && settings.platform !== 'win32') return false
  powerMonitor.emit(event)
  return true
}

export function setIdleState(state: typeof idleState): void {
  idleState = state
}

export const shell = {
  async openExternal(url: string) {
    recorded.openExternal.push(url)
  },
}
