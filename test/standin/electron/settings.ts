import { tmpdir } from 'node:os'

/**
 * What the test chose for this run of the app, read once from the
 * environment of the main process (test/e2e/harness/standinApp.ts sets it).
 */
export const settings = {
  /** app.getPath('userData'): a temporary folder per test. */
  userData: process.env.STANDIN_USER_DATA || tmpdir(),
  locale: process.env.STANDIN_LOCALE || 'en-US',
  /** powerMonitor's lock-screen exists only on darwin and win32 (Electron's docs). */
  platform: (process.env.STANDIN_PLATFORM || process.platform) as NodeJS.Platform,
  /** 'refuse': globalShortcut.register returns false, as on Wayland without the portal. */
  shortcuts: process.env.STANDIN_SHORTCUTS === 'refuse' ? 'refuse' : 'accept',
  chromium: process.env.STANDIN_CHROMIUM || '/usr/bin/chromium',
}
