import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { createVault } from '../flows'
import { seedOneOfEach, tour } from '../screenTour'

const passphrase = 'correct horse battery staple'
// Long enough for a render loop (it made ~150 calls a second) or a stray poll to show.
const idleMs = 2_000
const settledMs = 700

/** Every call the page makes to the vault, by method name, in order. */
function recordCalls(page: Page): string[] {
  const calls: string[] = []
  page.on('request', (request) => {
    const match = /\/rpc\/([^/?]+)$/.exec(new URL(request.url()).pathname)
    if (match?.[1]) calls.push(match[1])
  })
  return calls
}

/** Waits until the screen has made no call for a while: it has loaded. */
async function settle(calls: string[]): Promise<void> {
  let seen = -1
  await expect
    .poll(
      async () => {
        const before = calls.length
        await new Promise((r) => setTimeout(r, settledMs))
        const quiet = calls.length === before && before === seen
        seen = calls.length
        return quiet
      },
      { timeout: 15_000, intervals: [0] },
    )
    .toBe(true)
}

test('no screen calls the vault while it sits idle after loading', async ({ page }) => {
  const calls = recordCalls(page)
  await page.goto('/')
  await createVault(page, passphrase)
  await seedOneOfEach(page)
  for (const stop of tour) {
    await stop.open(page)
    await settle(calls)
    const before = calls.length
    await page.waitForTimeout(idleMs)
    expect(calls.slice(before), `calls made by the idle ${stop.name} screen`).toEqual([])
  }
})
