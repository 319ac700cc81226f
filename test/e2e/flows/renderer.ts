import { expect, type Page } from '@playwright/test'

/*
 * Main discards the renderer that held decrypted records, on every lock and
 * wipe: a new window, or a crash and reload in a new process. Either way the
 * page a step was using goes away. A global set from the test marks the
 * renderer in use; its replacement has none. `page` must follow the app's
 * window (the Chromium fixture's page does; the Electron spec passes the
 * same kind of page).
 */
const marker = '__sestraTestOldRenderer'

export async function markRenderer(page: Page): Promise<void> {
  await page.evaluate((name) => void ((globalThis as Record<string, unknown>)[name] = true), marker)
}

/** Waits until the app's window is a renderer started after markRenderer, fully loaded. */
export async function waitForNewRenderer(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate((name) => {
      const { location, document } = globalThis as unknown as { location: { href: string }; document: { readyState: string } }
      return location.href !== 'about:blank' && document.readyState === 'complete' && !(name in globalThis)
    }, marker).catch(() => false), { timeout: 30_000 })
    .toBe(true)
}

/** Runs a step after which main discards the renderer (a lock, a wipe), and waits for the new one. */
export async function expectNewRenderer(page: Page, step: () => Promise<void>): Promise<void> {
  await markRenderer(page)
  await step()
  await waitForNewRenderer(page)
}
