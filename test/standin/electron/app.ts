import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow } from './browserWindow'
import { launchChromium, type Chromium } from './chromium'
import { preventable } from './events'
import { startControl, type Control } from './control'
import { recorded } from './recorder'
import { Session } from './session'
import { settings } from './settings'

let chromium: Promise<Chromium> | null = null

/** Chromium starts with the app, as Electron's browser process does. */
export function chromiumReady(): Promise<Chromium> {
  chromium ??= launchChromium()
  return chromium
}

class App extends EventEmitter {
  readonly isPackaged = false
  #ready = false
  #quitting = false
  #sandboxed = false
  #control: Control | null = null
  readonly #whenReady: Promise<void>

  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => void recorded.commandLine.push(value === undefined ? name : `${name}=${value}`),
    appendArgument: (value: string) => void recorded.commandLine.push(value),
    hasSwitch: (name: string) => recorded.commandLine.some((entry) => entry === name || entry.startsWith(`${name}=`)),
    getSwitchValue: (name: string) => recorded.commandLine.find((entry) => entry.startsWith(`${name}=`))?.slice(name.length + 1) ?? '',
  }

  constructor() {
    super()
    this.#whenReady = chromiumReady().then(async (browser) => {
      this.#control = await startControl(browser)
      this.#ready = true
      this.emit('ready', preventable(), {})
    })
    this.#whenReady.catch((error: Error) => {
      console.error(`Electron stand-in: Chromium did not start: ${error.message}`)
      process.exit(1)
    })
    // The test ends a run with SIGTERM when the control channel is gone: quit as a person would.
    process.once('SIGTERM', () => this.quit())
  }

  whenReady(): Promise<void> {
    return this.#whenReady
  }
  isReady(): boolean {
    return this.#ready
  }
  /** Before ready only, as in Electron. */
  enableSandbox(): void {
    if (this.#ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    this.#sandboxed = true
  }
  get sandboxed(): boolean {
    return this.#sandboxed
  }
  /** One instance per test run: the lock is always granted. */
  requestSingleInstanceLock(): boolean {
    return true
  }
  hasSingleInstanceLock(): boolean {
    return true
  }
  getPath(name: string): string {
    if (name === 'userData' || name === 'sessionData') return settings.userData
    if (name === 'temp') return tmpdir()
    return join(settings.userData, `standin-${name}`)
  }
  getLocale(): string {
    return settings.locale
  }
  getPreferredSystemLanguages(): string[] {
    return [settings.locale]
  }
  getName(): string {
    return 'sestra'
  }
  getVersion(): string {
    return (JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version
  }
  focus(): void {}

  /** Electron's order: before-quit, the windows close, will-quit, quit, exit. */
  quit(): void {
    if (this.#quitting) return
    const beforeQuit = preventable()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    this.#quitting = true
    void (async () => {
      const windows = BrowserWindow.getAllWindows()
      await Promise.all(windows.map((window) => new Promise((resolve) => (window.once('closed', resolve), window.destroy()))))
      const willQuit = preventable()
      this.emit('will-quit', willQuit)
      if (willQuit.defaultPrevented) {
        this.#quitting = false
        return
      }
      this.emit('quit', preventable(), 0)
      await this.#shutDown(0)
    })()
  }

  exit(code = 0): void {
    this.#quitting = true
    void this.#shutDown(code)
  }

  /** Electron quits when the last window closes unless the app listens for this. */
  allWindowsClosed(): void {
    if (this.#quitting) return
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed')
    else this.quit()
  }

  async #shutDown(code: number): Promise<void> {
    this.#control?.close()
    for (const session of Session.all.values()) session.close()
    if (chromium) await (await chromium).close()
    process.exit(code)
  }
}

export const app = new App()

/** Electron's protocol module: privileges before ready; handle() on the default session. */
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    recorded.privilegedSchemes.push(...schemes)
  },
  handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => Session.fromPartition('').protocol.handle(scheme, handler),
}
