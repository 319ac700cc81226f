import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { createVault, expectNewRenderer, lock } from '../flows'

/*
 * What the desktop does to the app, played by the Electron stand-in as
 * Electron's documentation says it happens: the screen locks, a global
 * shortcut is pressed, or the system refuses the shortcut.
 */

const passphrase = 'correct horse battery staple'
const panicKeys = 'CommandOrControl+Alt+Shift+X'

test('on Linux, where powerMonitor has no lock-screen event, a locked session still locks the vault', async ({ page, harness }) => {
  test.skip(process.platform !== 'linux', 'main picks its screen-lock source by the real platform')
  await createVault(page, passphrase)
  expect(await harness.powerEvent('lock-screen'), 'Electron emits lock-screen on macOS and Windows only').toBe(false)
  await page.waitForTimeout(500)
  await expect(page.getByTestId('lock-button')).toBeVisible()

  // Chromium answers getSystemIdleState with 'locked' once the session is locked.
  await expectNewRenderer(page, () => harness.idleState('locked'))
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible()
})

test('the panic shortcut, pressed anywhere on the desktop, wipes the vault', async ({ page, harness, dataDir }) => {
  await createVault(page, passphrase)
  expect((await harness.recorded()).shortcuts).toContain(panicKeys)
  await expect(page.getByTestId('panic-shortcut-inactive')).toHaveCount(0)
  await expectNewRenderer(page, async () => expect(await harness.pressShortcut(panicKeys)).toBe(true))
  await expect(page.getByTestId('create-warning')).toBeVisible()
  expect(await readdir(join(dataDir, 'vault')).catch(() => [])).toEqual([])
})

test.describe('where the system refuses global shortcuts (Wayland without the portal)', () => {
  test.use({ standin: { shortcuts: 'refuse' } })

  test('the app says the panic shortcut is not active, at unlock and in Settings', async ({ page }) => {
    const notice = 'The panic shortcut is not active on this system: use the “Hold to wipe” button.'
    await createVault(page, passphrase)
    await page.getByTestId('nav-settings').click()
    await expect(page.getByTestId('panic-shortcut-inactive')).toHaveText(notice)
    await lock(page)
    await expect(page.getByTestId('panic-shortcut-inactive')).toHaveText(notice)
  })
})
