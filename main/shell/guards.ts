import { app, BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron'
import type { Language } from '../../shared/errors'
import { appOrigin, isTrustedUrl, originOf } from './origins'

export interface GuardOptions {
  /** Origins the app's own pages may have (app:// and, in development, the dev server). */
  origins: readonly string[]
  /** The electron-vite dev server, or null when running the built renderer. */
  devServerUrl: string | null
  language: () => Language
}

/**
 * Only the app's own files leave the session: no remote scripts, images,
 * fonts, beacons or prefetches, whatever the renderer is tricked into
 * requesting. data: and blob: never touch the network.
 */
export function isAllowedRequest(url: string, devServerUrl: string | null): boolean {
  if (url.startsWith(`${appOrigin}/`) || url.startsWith('data:') || url.startsWith(`blob:${appOrigin}/`)) return true
  if (!devServerUrl) return false
  const dev = originOf(devServerUrl)
  const origin = originOf(url)
  return url.startsWith('devtools://') || (dev !== null && (origin === dev || origin === dev.replace(/^http/, 'ws')))
}

/** Applied to every session a page of ours could use, before anything loads in it. */
export function hardenSession(session: Session, options: GuardOptions): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, options.devServerUrl) })
  })
  // Chromium's spellchecker downloads dictionaries from Google and sees every typed word.
  session.setSpellCheckerEnabled(false)
  session.setSpellCheckerLanguages([])
}

const externalPrompt: Record<Language, { message: string; open: string; cancel: string }> = {
  en: { message: 'Open this link in your web browser?', open: 'Open', cancel: 'Cancel' },
  ru: { message: 'Открыть эту ссылку в браузере?', open: 'Открыть', cancel: 'Отмена' },
}

let promptOpen = false

/**
 * Leaving the app is the user's decision: an https link opens in the
 * browser only after she confirms, and a page spamming window.open gets one
 * dialog at a time.
 */
async function offerExternal(url: string, contents: WebContents, language: Language): Promise<void> {
  if (promptOpen) return
  promptOpen = true
  try {
    const text = externalPrompt[language]
    const options = {
      type: 'question' as const,
      message: text.message,
      detail: url,
      buttons: [text.open, text.cancel],
      defaultId: 1,
      cancelId: 1,
    }
    const parent = BrowserWindow.fromWebContents(contents)
    const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
    if (response === 0) await shell.openExternal(url)
  } finally {
    promptOpen = false
  }
}

export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isTrustedUrl(event.url, options.origins)) event.preventDefault()
  }
  contents.on('will-navigate', refuseForeign)
  contents.on('will-frame-navigate', refuseForeign)
  contents.on('will-redirect', refuseForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (originOf(url)?.startsWith('https://')) void offerExternal(url, contents, options.language()).catch(() => {})
    return { action: 'deny' }
  })
}

/**
 * Every webContents the app ever creates, including ones we did not ask for
 * (devtools, a page opened by some future bug), gets the guards. Re-hardening
 * a session replaces its handlers with the same ones.
 */
export function installGuards(options: GuardOptions): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, options)
    hardenSession(contents.session, options)
  })
}
