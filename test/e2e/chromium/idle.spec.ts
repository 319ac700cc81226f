import { expect, test } from '../fixtures'
import { createVault } from '../flows'
import { seedOneOfEach, tour } from '../screenTour'

const passphrase = 'correct horse battery staple'
// Long enough for a render loop (it made ~150 calls a second) or a stray poll to show.
const idleMs = 2_000
const settledMs = 700

type Calls = () => Promise<string[]>

/** Waits until the screen has made no call for a while: it has loaded. */
async function settle(calls: Calls): Promise<void> {
  let seen = -1
  await expect
    .poll(
      async () => {
        const before = (await calls()).length
        await new Promise((r) => setTimeout(r, settledMs))
        const now = (await calls()).length
        const quiet = now === before && before === seen
        seen = now
        return quiet
      },
      { timeout: 15_000, intervals: [0] },
    )
    .toBe(true)
}

test('no screen calls the vault while it sits idle after loading', async ({ page, harness }) => {
  // Every IPC call main received, by channel, in order.
  const calls: Calls = async () => (await harness.recorded()).ipc
  await createVault(page, passphrase)
  await seedOneOfEach(page)
  for (const stop of tour) {
    await stop.open(page)
    await settle(calls)
    const before = (await calls()).length
    await page.waitForTimeout(idleMs)
    expect((await calls()).slice(before), `calls made by the idle ${stop.name} screen`).toEqual([])
  }
})
