import type { CDPSession } from '@playwright/test'
import { expect, test } from '../fixtures'
import { contactJourney, contactRow, expectNewRenderer, lock, unlock } from '../flows'

const passphrase = 'correct horse battery staple'

/** The ids of Chromium's renderer processes now. */
async function renderers(browserSession: CDPSession): Promise<number[]> {
  const { processInfo } = (await browserSession.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  return processInfo.filter((info) => info.type === 'renderer').map((info) => info.id)
}

test('lock and unlock give the window a new renderer process; a renderer that dies is replaced, never left blank', async ({ page, harness }) => {
  // The journey the Electron spec runs too: its lock already waits for a new renderer.
  await contactJourney(page, passphrase)

  const browser = harness.context.browser()
  if (!browser) throw new Error('no browser')
  const browserSession = await browser.newBrowserCDPSession()
  const before = await renderers(browserSession)
  const { windowsOpened } = await harness.recorded()
  await lock(page)
  const after = await renderers(browserSession)
  expect(after.filter((id) => !before.includes(id)), 'a renderer process that did not exist before the lock').not.toEqual([])
  expect((await harness.recorded()).windowsOpened).toBe(windowsOpened + 1)
  await expect(page.getByText('Aigul')).toHaveCount(0)

  await unlock(page, passphrase)
  await page.getByTestId('nav-contacts').click()
  await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()

  // The renderer dies on its own (out of memory, a crash): main opens a new window at once.
  await expectNewRenderer(page, async () => {
    const pageSession = await harness.context.newCDPSession(page)
    void pageSession.send('Page.crash').catch(() => {})
  })
  await expect(page.getByTestId('lock-button').or(page.getByTestId('unlock-passphrase'))).toBeVisible()
  expect((await harness.recorded()).renderersGone).toEqual(['crashed'])
})
