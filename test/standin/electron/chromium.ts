import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// playwright-core (what @playwright/test re-exports, same version): the test runner's import costs seconds per app start.
import { chromium, type BrowserContext } from 'playwright-core'
import { settings } from './settings'

export interface Chromium {
  context: BrowserContext
  /** http://127.0.0.1:<port>: the test attaches with chromium.connectOverCDP, as _electron does. */
  cdpEndpoint: string
  close(): Promise<void>
}

/**
 * Debian's Chromium plays Electron's renderer: one persistent context, so
 * the test, attached over CDP, sees the same pages as the stand-in. Its
 * profile is a temporary folder removed on close (Electron's in-memory
 * partition keeps nothing on disk either).
 */
export async function launchChromium(): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'sestra-standin-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: settings.chromium,
    headless: true,
    locale: settings.locale,
    viewport: null,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--lang=${settings.locale}`,
    ],
  })
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]
  // The blank start page is not a window of the app.
  await Promise.all(context.pages().map((page) => page.close()))
  return {
    context,
    cdpEndpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      await context.close().catch(() => {})
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
