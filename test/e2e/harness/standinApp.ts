import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { followingPage } from './followingPage'

const repoRoot = resolve(import.meta.dirname, '../../..')
const register = resolve(repoRoot, 'test/standin/electron/register.mjs')
const readyPrefix = 'ELECTRON-STANDIN-READY '
const startTimeoutMs = 60_000
const quitTimeoutMs = 15_000

export interface StandinOptions {
  /** powerMonitor's lock-screen exists only on darwin and win32. */
  platform?: NodeJS.Platform
  /** 'refuse': globalShortcut.register returns false, as on Wayland without the portal. */
  shortcuts?: 'accept' | 'refuse'
  locale?: string
}

export interface DialogAnswers {
  open?: string[]
  save?: string | null
  /** The button index of the next message box; unscripted ones answer Cancel. */
  messageBox?: number
}

/** What the stand-in recorded (test/standin/electron/recorder.ts). */
export interface Recorded {
  ipc: string[]
  notifications: { title?: string; body?: string }[]
  openExternal: string[]
  contentProtection: boolean[]
  shortcuts: string[]
  messageBoxes: { message: string; buttons: string[] }[]
  /** The titles of the open dialogs shown. */
  openDialogs: string[]
  clearStorageData: number
  clearCache: number
  windowsOpened: number
  renderersGone: string[]
}

export interface Harness {
  /** The app's window, followed across renderer replacements: always the newest page. */
  page: Page
  context: BrowserContext
  /** What the person will pick in the next native dialog(s) the app opens. */
  scriptDialogs(answers: DialogAnswers): Promise<void>
  clipboardText(): Promise<string>
  recorded(): Promise<Recorded>
  /** A power event as the OS sends it; false where Electron does not emit it on the chosen platform. */
  powerEvent(event: 'lock-screen' | 'unlock-screen' | 'suspend' | 'resume'): Promise<boolean>
  idleState(state: 'active' | 'idle' | 'locked'): Promise<void>
  pressShortcut(accelerator: string): Promise<boolean>
  minimize(): Promise<void>
  /** Everything main printed, for a failing test's report. */
  output(): string
  stop(): Promise<void>
}

/**
 * Starts the built main process (out/main/index.js) under plain Node with
 * `electron` resolved to the stand-in, attaches to its Chromium over CDP
 * (as Playwright's _electron does) and waits for the first window to load.
 */
export async function startApp(dataDir: string, options: StandinOptions = {}): Promise<Harness> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', register, 'out/main/index.js'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      STANDIN_USER_DATA: dataDir,
      STANDIN_LOCALE: options.locale ?? 'en-US',
      ...(options.platform ? { STANDIN_PLATFORM: options.platform } : {}),
      ...(options.shortcuts ? { STANDIN_SHORTCUTS: options.shortcuts } : {}),
      // The Argon2id floor, as the CLI tests use; real vaults calibrate.
      SESTRA_KDF: 'minimum',
    },
  })
  let output = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  let browser: Browser | null = null
  try {
    const ready = await readReady(child, (line) => (output += `${line}\n`))
    browser = await chromium.connectOverCDP(ready.cdp)
    const context = browser.contexts()[0]
    if (!context) throw new Error('no browser context')
    const control = async <T>(path: string, body: unknown = {}): Promise<T> => {
      const response = await fetch(`${ready.control}${path}`, {
        method: 'POST',
        headers: { 'x-standin-token': ready.token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`stand-in control ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    }
    const page = followingPage(() => context.pages())
    await waitForFirstWindow(context, child)
    const connected = browser
    return {
      page,
      context,
      scriptDialogs: (answers) => control('/dialogs', answers),
      clipboardText: async () => (await control<{ text: string }>('/clipboard')).text,
      recorded: () => control<Recorded>('/recorded'),
      powerEvent: async (event) => (await control<{ emitted: boolean }>('/power', { event })).emitted,
      idleState: (state) => control('/idle-state', { state }),
      pressShortcut: async (accelerator) => (await control<{ pressed: boolean }>('/shortcut', { accelerator })).pressed,
      minimize: () => control('/minimize'),
      output: () => output,
      stop: async () => {
        await control('/quit').catch(() => {})
        await stop(child)
        await connected.close().catch(() => {})
      },
    }
  } catch (error) {
    await stop(child)
    await browser?.close().catch(() => {})
    throw new Error(`the app did not start under the Electron stand-in: ${(error as Error).message}\n${output}`, { cause: error })
  }
}

/** The first window loaded the app; fails at once when main exits or the page shows a load error. */
async function waitForFirstWindow(context: BrowserContext, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + startTimeoutMs
  for (;;) {
    const pages = context.pages().filter((p) => !p.isClosed())
    const page = pages.find((p) => p.url().startsWith('http://127.0.0.1:'))
    if (page) return page.waitForLoadState('load')
    if (pages.some((p) => p.url().startsWith('chrome-error://'))) throw new Error('the window could not load the app (is out/ being rebuilt?)')
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`main exited (${child.exitCode ?? child.signalCode})`)
    if (Date.now() > deadline) throw new Error('no window loaded the app')
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function readReady(child: ChildProcess, log: (line: string) => void): Promise<{ cdp: string; control: string; token: string }> {
  if (!child.stdout) throw new Error('no stdout')
  const lines = createInterface({ input: child.stdout })
  const timer = setTimeout(() => child.kill('SIGKILL'), startTimeoutMs)
  try {
    for await (const line of lines) {
      if (line.startsWith(readyPrefix)) {
        // Keep reading (and logging) main's output after the ready line.
        lines.on('line', log)
        return JSON.parse(line.slice(readyPrefix.length)) as { cdp: string; control: string; token: string }
      }
      log(line)
    }
    throw new Error(`main exited with code ${child.exitCode}`)
  } finally {
    clearTimeout(timer)
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  const timer = setTimeout(() => child.kill('SIGKILL'), quitTimeoutMs)
  await exited
  clearTimeout(timer)
}
