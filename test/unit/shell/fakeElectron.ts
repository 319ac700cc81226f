import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

/*
 * Just enough of Electron's main-process API for the shell's unit tests: the
 * real binary is not installed here. Every test file does
 * `vi.mock('electron', () => import('./fakeElectron'))` and inspects what the
 * shell did to these fakes.
 */

type RequestCallback = (response: { cancel: boolean }) => void
type HeadersDetails = { url: string; responseHeaders?: Record<string, string[]> }

export class FakeSession {
  permissionRequest?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
  permissionCheck?: (contents: unknown, permission: string) => boolean
  devicePermission?: (details: unknown) => boolean
  beforeRequest?: (details: { url: string }, callback: RequestCallback) => void
  headersReceived?: (details: HeadersDetails, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  readonly clearStorageData = vi.fn(async () => {})
  readonly clearCache = vi.fn(async () => {})
  readonly setSpellCheckerEnabled = vi.fn()
  readonly setSpellCheckerLanguages = vi.fn()
  readonly protocol = {
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      // As Electron: a scheme is handled once per session.
      if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
      this.protocolHandlers.set(scheme, handler)
    }),
  }
  readonly webRequest = {
    onBeforeRequest: vi.fn((handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler
    }),
    onHeadersReceived: vi.fn((_filter: unknown, handler: FakeSession['headersReceived']) => {
      this.headersReceived = handler
    }),
  }
  constructor(
    readonly partition: string,
    readonly options?: unknown,
  ) {}
  setPermissionRequestHandler(handler: FakeSession['permissionRequest']) {
    this.permissionRequest = handler
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheck']) {
    this.permissionCheck = handler
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermission']) {
    this.devicePermission = handler
  }

  /** What onBeforeRequest decides for `url`: true when it is cancelled. */
  cancels(url: string): boolean {
    let cancel: boolean | undefined
    this.beforeRequest?.({ url }, (response) => {
      cancel = response.cancel
    })
    if (cancel === undefined) throw new Error('no onBeforeRequest handler answered')
    return cancel
  }
}

export class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null
  static #nextFrame = 1
  readonly mainFrame = { frameTreeNodeId: FakeWebContents.#nextFrame++ }
  constructor(readonly session: FakeSession = new FakeSession('default')) {
    super()
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler
  }
}

type WindowOptions = { webPreferences: { session: FakeSession } & Record<string, unknown> } & Record<string, unknown>

export class BrowserWindow extends EventEmitter {
  static readonly created: BrowserWindow[] = []
  static fromWebContents = vi.fn(() => null)
  /** Windows not yet destroyed, in the order they were opened. */
  static open(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed)
  }
  readonly webContents: FakeWebContents
  readonly setContentProtection = vi.fn()
  readonly loadURL = vi.fn(async () => {})
  readonly focus = vi.fn()
  readonly show = vi.fn()
  readonly showInactive = vi.fn()
  readonly minimize = vi.fn(() => {
    this.minimized = true
  })
  destroyed = false
  minimized = false
  focused = true
  constructor(readonly options: WindowOptions) {
    super()
    this.webContents = new FakeWebContents(options.webPreferences.session)
    BrowserWindow.created.push(this)
  }
  getBounds() {
    const { x = 0, y = 0, width = 800, height = 600 } = this.options as Record<string, number>
    return { x, y, width, height }
  }
  isDestroyed() {
    return this.destroyed
  }
  isMinimized() {
    return this.minimized
  }
  isFocused() {
    return this.focused
  }
  restore() {
    this.minimized = false
  }
  /** As Electron: 'closed' is emitted, and the window can no longer be used. */
  destroy() {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false
  singleInstance = true
  ready = false
  readonly commandLine = { appendSwitch: vi.fn() }
  readonly quit = vi.fn()
  readonly exit = vi.fn()
  readonly enableSandbox = vi.fn()
  readonly requestSingleInstanceLock = vi.fn(() => this.singleInstance)
  readonly whenReady = vi.fn(async () => {
    this.ready = true
  })
  getLocale = vi.fn(() => 'en-US')
  getPath = vi.fn((name: string) => `/fake/${name}`)
}

export const app = new FakeApp()
export const powerMonitor = Object.assign(new EventEmitter(), {
  getSystemIdleState: vi.fn((_threshold: number): 'active' | 'idle' | 'locked' | 'unknown' => 'active'),
})
export const protocol = {
  // As Electron: only before ready.
  registerSchemesAsPrivileged: vi.fn(() => {
    if (app.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
  }),
}
export const partitions = new Map<string, FakeSession>()
export const session = {
  defaultSession: new FakeSession('default'),
  fromPartition: vi.fn((partition: string, options?: unknown) => {
    const made = partitions.get(partition) ?? new FakeSession(partition, options)
    partitions.set(partition, made)
    return made
  }),
}
export const dialog = { showMessageBox: vi.fn(async () => ({ response: 1 })) }
export const shell = { openExternal: vi.fn(async () => {}) }
export const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() }

/** A webContents event as Electron passes it: a URL and preventDefault. */
export function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() }
}

/** Electron 45's clipboard is asynchronous in the main process. */
export const clipboard = (() => {
  let text = ''
  return {
    readText: vi.fn(async () => text),
    writeText: vi.fn(async (value: string) => {
      text = value
    }),
  }
})()

export const globalShortcut = (() => {
  const registered = new Map<string, () => void>()
  return {
    registered,
    register: vi.fn((accelerator: string, callback: () => void) => {
      registered.set(accelerator, callback)
      return true
    }),
    unregister: vi.fn((accelerator: string) => registered.delete(accelerator)),
    unregisterAll: vi.fn(() => registered.clear()),
  }
})()

export class Notification {
  static readonly shown: { title: string; body: string }[] = []
  static isSupported = vi.fn(() => true)
  constructor(readonly options: { title: string; body: string }) {}
  show() {
    Notification.shown.push(this.options)
  }
}
