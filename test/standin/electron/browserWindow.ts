import { randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import type { CDPSession, Page, Request, Route } from 'playwright-core'
import { runSandboxedPreload } from '../sandboxedPreload'
import { app, chromiumReady } from './app'
import { preventable } from './events'
import { invokeHandler } from './ipc'
import { recorded } from './recorder'
import { Session, session as sessions } from './session'
import { settings } from './settings'
import { decodeFromPage, encodeForPage, wireSource } from './wire'

interface WebPreferences {
  session?: Session
  partition?: string
  preload?: string
  sandbox?: boolean
  contextIsolation?: boolean
  nodeIntegration?: boolean
}

interface WindowOptions {
  width?: number
  height?: number
  x?: number
  y?: number
  show?: boolean
  webPreferences?: WebPreferences
}

const hostSource = readFileSync(new URL('./page/rendererHost.js', import.meta.url), 'utf8')

/**
 * A sandboxed window's preload runs with the sandbox's require (electron,
 * events, timers, url). Electron would log the failure and show the page
 * without its API; the stand-in refuses the window, so no test can pass over
 * a preload that users would get broken.
 */
function checkPreload(prefs: WebPreferences): void {
  if (prefs.contextIsolation === false || prefs.nodeIntegration === true || prefs.sandbox === false) {
    throw new Error('the Electron stand-in runs only sandboxed, context-isolated windows without node integration')
  }
  if (!prefs.preload) return
  const inert = { exposeInMainWorld() {}, invoke: async () => undefined }
  try {
    runSandboxedPreload(prefs.preload, { contextBridge: inert, ipcRenderer: inert, webFrame: {}, webUtils: {}, nativeImage: {}, crashReporter: {} })
  } catch (error) {
    throw new Error(`the stand-in refuses a sandboxed window whose preload fails in the sandbox (${prefs.preload}): ${(error as Error).message}`, { cause: error })
  }
}

/** The script CDP evaluates before any page script: wire codec, renderer host, then the preload itself. */
function injectedSource(config: object, preloadPath: string): string {
  const preload = readFileSync(preloadPath, 'utf8')
  return `(() => {\n${wireSource}\n${hostSource}\nhostPreload(${JSON.stringify(config)}, function (require, module, exports, process, Buffer, global, setImmediate, clearImmediate) {\n${preload}\n})\n})()`
}

let nextFrameTreeNodeId = 1

interface Frame {
  url: string
  parentId?: string
  treeNodeId: number
}

export class WebContents extends EventEmitter {
  static #nextId = 1
  readonly id = WebContents.#nextId++
  page: Page | null = null
  cdp: CDPSession | null = null
  readonly #frames = new Map<string, Frame>()
  readonly #contexts = new Map<number, string>()
  #mainFrameId = ''
  #programmaticNavigation = false
  #killing = false
  #crashed: Promise<void> = Promise.resolve()
  #windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null
  #destroyed = false

  constructor(
    readonly session: Session,
    readonly owner: BrowserWindow,
  ) {
    super()
  }

  get mainFrame() {
    const frame = this.#frames.get(this.#mainFrameId)
    return { frameTreeNodeId: frame?.treeNodeId ?? 0, url: frame?.url ?? '', parent: null, detached: false }
  }

  isDestroyed(): boolean {
    return this.#destroyed
  }

  isCrashed(): boolean {
    return this.#killing
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.#windowOpenHandler = handler
  }

  /** Sets up the page before anything loads in it: CDP domains, the IPC binding, the preload. */
  async attach(page: Page, cdp: CDPSession, prefs: WebPreferences): Promise<void> {
    this.page = page
    this.cdp = cdp
    const binding = `__standinIpc${randomBytes(8).toString('hex')}`
    const reply = `__standinReply${randomBytes(8).toString('hex')}`
    await Promise.all([cdp.send('Runtime.enable'), cdp.send('Page.enable'), cdp.send('Inspector.enable')])
    const { frameTree } = await cdp.send('Page.getFrameTree')
    this.#mainFrameId = frameTree.frame.id
    this.#frames.set(frameTree.frame.id, { url: frameTree.frame.url, treeNodeId: nextFrameTreeNodeId++ })
    cdp.on('Page.frameNavigated', ({ frame }) => {
      const known = this.#frames.get(frame.id)
      this.#frames.set(frame.id, { url: frame.url, parentId: frame.parentId, treeNodeId: known?.treeNodeId ?? nextFrameTreeNodeId++ })
    })
    cdp.on('Page.frameDetached', ({ frameId }) => this.#frames.delete(frameId))
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const frameId = (context.auxData as { frameId?: string } | undefined)?.frameId
      if (frameId) this.#contexts.set(context.id, frameId)
    })
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.#contexts.delete(executionContextId))
    cdp.on('Runtime.bindingCalled', (event) => {
      if (event.name === binding) void this.#onInvoke(event.payload, event.executionContextId, reply)
    })
    cdp.on('Inspector.targetCrashed', () => this.#onCrash())
    await cdp.send('Runtime.addBinding', { name: binding })
    if (prefs.preload) {
      const config = { binding, reply, platform: settings.platform, preloadPath: prefs.preload }
      await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: injectedSource(config, prefs.preload) })
    }
    await page.route('**/*', (route, request) => this.#onRequest(route, request))
    page.on('domcontentloaded', () => this.emit('dom-ready'))
    page.on('load', () => this.emit('did-finish-load'))
    page.on('popup', (popup) => void this.#onPopup(popup))
  }

  /** Electron runs the senderFrame check on the app:// URL the page was loaded as. */
  async #onInvoke(payload: string, contextId: number, reply: string): Promise<void> {
    const { id, channel, args } = JSON.parse(payload) as { id: number; channel: string; args: string }
    recorded.ipc.push(channel)
    const frameId = this.#contexts.get(contextId) ?? ''
    const frame = this.#frames.get(frameId)
    const isTop = frameId === this.#mainFrameId
    const senderFrame = {
      url: frame ? await this.session.toAppUrl(frame.url) : '',
      parent: isTop ? null : { url: '', frameTreeNodeId: -1 },
      detached: frame === undefined,
      frameTreeNodeId: frame?.treeNodeId ?? -1,
      top: null,
    }
    let ok = true
    let answer: string
    try {
      answer = encodeForPage(await invokeHandler(channel, { sender: this, senderFrame, frameId, processId: 0 }, decodeFromPage(args) as unknown[]))
    } catch (error) {
      ok = false
      answer = String(error)
    }
    const expression = `globalThis[${JSON.stringify(reply)}](${id}, ${ok}, ${JSON.stringify(answer)})`
    await this.cdp?.send('Runtime.evaluate', { expression, contextId }).catch(() => {})
  }

  /**
   * Every request of the page, as the app's session sees it: a page-initiated
   * navigation first asks will-navigate, then webRequest.onBeforeRequest
   * may cancel; URLs are shown as app:// URLs.
   */
  async #onRequest(route: Route, request: Request): Promise<void> {
    const url = await this.session.toAppUrl(request.url())
    if (request.isNavigationRequest()) {
      const isMainFrame = request.frame() === this.page?.mainFrame()
      if (isMainFrame && this.#programmaticNavigation) {
        this.#programmaticNavigation = false
      } else {
        const event = preventable({ url, isMainFrame })
        if (isMainFrame) this.emit('will-navigate', event, url, false, true)
        this.emit('will-frame-navigate', event)
        if (event.defaultPrevented) return route.abort('aborted')
      }
    }
    const listener = this.session.beforeRequest
    if (listener) {
      const cancel = await new Promise<boolean>((resolve) =>
        listener({ url, method: request.method(), resourceType: request.resourceType() }, (answer) => resolve(Boolean(answer?.cancel))),
      )
      if (cancel) return route.abort('blockedbyclient')
    }
    return route.fallback()
  }

  /** setWindowOpenHandler decides; the stand-in supports only 'deny' (the app's answer), by closing the popup at once. */
  async #onPopup(popup: Page): Promise<void> {
    const url = await this.session.toAppUrl(popup.url())
    this.#windowOpenHandler?.({ url })
    await popup.close().catch(() => {})
  }

  #onCrash(): void {
    const reason = this.#killing ? 'killed' : 'crashed'
    recorded.renderersGone.push(reason)
    this.emit('render-process-gone', preventable({}), { reason, exitCode: this.#killing ? 9 : 139 })
  }

  async loadURL(url: string): Promise<void> {
    await this.owner.opened
    const target = await this.session.toLoopback(url)
    if (!target) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`)
    this.#programmaticNavigation = true
    await this.page?.goto(target)
  }

  /** The page crashes (CDP Page.crash); 'render-process-gone' follows with reason 'killed'. */
  forcefullyCrashRenderer(): void {
    this.#killing = true
    this.#crashed = this.owner.opened.then(
      () =>
        new Promise<void>((resolve) => {
          this.cdp?.once('Inspector.targetCrashed', () => resolve())
          this.cdp?.send('Page.crash').catch(() => {})
        }),
    )
  }

  /** After a forced crash, Chromium reloads the page in a new renderer process, as Electron does. */
  reload(): void {
    void this.#crashed.then(async () => {
      this.#programmaticNavigation = true
      this.#killing = false
      await this.cdp?.send('Page.reload', {}).catch(() => {})
    })
  }

  async destroyPage(): Promise<void> {
    this.#destroyed = true
    await this.owner.opened.catch(() => {})
    await this.page?.close().catch(() => {})
  }

  markDestroyed(): void {
    this.#destroyed = true
    this.emit('destroyed')
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly #all: BrowserWindow[] = []
  static #nextId = 1
  readonly id = BrowserWindow.#nextId++
  readonly webContents: WebContents
  readonly opened: Promise<void>
  #bounds: { x: number; y: number; width: number; height: number }
  #minimized = false
  #visible: boolean
  #destroyed = false
  contentProtection = false

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.#all]
  }

  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return BrowserWindow.#all.find((window) => window.webContents === contents) ?? null
  }

  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.#all.at(-1) ?? null
  }

  constructor(options: WindowOptions = {}) {
    super()
    const prefs = options.webPreferences ?? {}
    checkPreload(prefs)
    const ses = prefs.session ?? (prefs.partition !== undefined ? Session.fromPartition(prefs.partition) : sessions.defaultSession)
    this.#bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
    this.#visible = options.show !== false
    this.webContents = new WebContents(ses, this)
    this.opened = this.#open(prefs)
    this.opened.catch((error: Error) => console.error(`Electron stand-in: the window did not open: ${error.message}`))
    BrowserWindow.#all.push(this)
    recorded.windowsOpened++
    app.emit('web-contents-created', preventable({}), this.webContents)
    app.emit('browser-window-created', preventable({}), this)
  }

  async #open(prefs: WebPreferences): Promise<void> {
    const { context } = await chromiumReady()
    const page = await context.newPage()
    await page.setViewportSize({ width: this.#bounds.width, height: this.#bounds.height })
    const cdp = await context.newCDPSession(page)
    await this.webContents.attach(page, cdp, prefs)
    page.on('close', () => this.#onClosed())
    page.once('load', () => this.emit('ready-to-show'))
  }

  #onClosed(): void {
    const index = BrowserWindow.#all.indexOf(this)
    if (index >= 0) BrowserWindow.#all.splice(index, 1)
    this.#destroyed = true
    this.webContents.markDestroyed()
    this.emit('closed')
    if (BrowserWindow.#all.length === 0) app.allWindowsClosed()
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  reload(): void {
    this.webContents.reload()
  }
  /** Closes at once, without 'close' (Electron's destroy); 'closed' follows. */
  destroy(): void {
    if (this.#destroyed) return
    this.#destroyed = true
    void this.webContents.destroyPage()
  }
  close(): void {
    const event = preventable({})
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  isDestroyed(): boolean {
    return this.#destroyed
  }
  isMinimized(): boolean {
    return this.#minimized
  }
  isVisible(): boolean {
    return this.#visible
  }
  isFocused(): boolean {
    return !this.#minimized && BrowserWindow.getFocusedWindow() === this
  }
  minimize(): void {
    this.#minimized = true
    this.emit('minimize')
  }
  restore(): void {
    this.#minimized = false
    this.emit('restore')
  }
  show(): void {
    this.#visible = true
    this.#minimized = false
    this.emit('show')
  }
  showInactive(): void {
    this.#visible = true
    this.emit('show')
  }
  hide(): void {
    this.#visible = false
    this.emit('hide')
  }
  focus(): void {
    void this.webContents.page?.bringToFront().catch(() => {})
    this.emit('focus')
  }
  getBounds() {
    return { ...this.#bounds }
  }
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.#bounds = { ...this.#bounds, ...bounds }
  }
  /** Recorded: headless Chromium has no screen to protect (docs/TESTING.md). */
  setContentProtection(enabled: boolean): void {
    this.contentProtection = enabled
    recorded.contentProtection.push(enabled)
  }
  setTitle(): void {}
  setMenuBarVisibility(): void {}
  removeMenu(): void {}
}

/** Storage and cache of the session's loopback origins, cleared in Chromium over CDP. */
Session.clearOrigins = async (origins, what) => {
  const cdp = BrowserWindow.getAllWindows().find((w) => w.webContents.cdp)?.webContents.cdp
  if (!cdp) return
  if (what === 'cache') {
    await cdp.send('Network.clearBrowserCache').catch(() => {})
    return
  }
  for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' }).catch(() => {})
}
