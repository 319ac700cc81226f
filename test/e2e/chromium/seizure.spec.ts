import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { errorMessages } from '../../../shared/errors'
import { expect, test } from '../fixtures'
import { addContact, attemptUnlock, createVault, expectNewRenderer, lock, markRenderer, screenshot, unlock, waitForNewRenderer } from '../flows'

const passphrase = 'correct horse battery staple'
const duressPassphrase = 'quiet river under snow'

/** What is left of the vault on disk: the check a forensic examiner would make first. */
async function vaultFiles(dataDir: string): Promise<string[]> {
  try {
    return await readdir(join(dataDir, 'vault'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** The contacts screen once everything on it (list and speed dial) has loaded. */
async function contactsScreen(page: Page): Promise<Buffer> {
  await page.getByTestId('nav-contacts').click()
  await expect(page.getByTestId('contacts-empty')).toBeVisible()
  await expect(page.getByTestId('contacts-total')).toHaveText('Contacts in the vault: 0')
  await expect(page.getByTestId('speed-dial-item')).toHaveCount(0)
  return page.screenshot({ fullPage: true })
}

test('a click, a key tap or an early release does nothing; holding the panic button wipes the vault', async ({ page, dataDir, harness }) => {
  await createVault(page, passphrase)
  await addContact(page, { name: 'Zarina Example', phones: '+996 700 111 222', speedDial: true })
  expect(await vaultFiles(dataDir)).toContain('sestra.keys')

  const panic = page.getByTestId('panic-button')
  await panic.click()
  await panic.focus()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Space')
  await panic.hover()
  await page.mouse.down()
  await expect(panic).toHaveClass(/panic-holding/)
  await page.waitForTimeout(700)
  await page.mouse.up()
  await expect(panic).not.toHaveClass(/panic-holding/)
  // Longer than what was left of the hold: a cancelled hold must stay cancelled.
  await page.waitForTimeout(1_500)
  await expect(page.getByTestId('lock-button')).toBeVisible()
  await expect(page.getByTestId('contact-row')).toHaveCount(1)
  expect(await vaultFiles(dataDir)).toContain('sestra.keys')

  // The wipe discards the renderer: the fresh install shows in a new one.
  await markRenderer(page)
  const pressed = Date.now()
  await page.mouse.down()
  await expect(panic).toHaveClass(/panic-holding/)
  await page.waitForTimeout(400)
  await screenshot(page, 'panic-hold')
  await waitForNewRenderer(page)
  await expect(page.getByTestId('create-warning')).toBeVisible()
  expect(Date.now() - pressed).toBeGreaterThanOrEqual(1_400)
  // One wipe, one clearing of the session, one new window: the renderer is discarded once, not twice.
  expect(await harness.recorded()).toMatchObject({ clearStorageData: 1, windowsOpened: 2 })

  expect(await vaultFiles(dataDir)).toEqual([])
  await expect(page.getByText('Zarina')).toHaveCount(0)
  await screenshot(page, 'after-panic')
})

test('holding Space on the focused panic button wipes the vault too', async ({ page, dataDir }) => {
  await createVault(page, passphrase)
  await page.getByTestId('panic-button').focus()
  await expectNewRenderer(page, () => page.keyboard.down('Space'))
  await expect(page.getByTestId('create-warning')).toBeVisible()
  expect(await vaultFiles(dataDir)).toEqual([])
})

test('a phone number is copied through the guarded clipboard', async ({ page, harness }) => {
  await createVault(page, passphrase)
  await addContact(page, { name: 'Aida Example', phones: '+996 555 000 111', speedDial: true })
  await page.getByRole('button', { name: 'Copy +996 555 000 111' }).first().click()
  await expect(page.getByTestId('copy-done').first()).toHaveText('Copied. Sestra clears it from the clipboard after 30 seconds.')
  await expect(page.getByTestId('copy-error')).toHaveCount(0)
  expect(await harness.clipboardText()).toBe('+996 555 000 111')
})

test('keys and clicks report activity at most every 15 s; a lock from main (the auto-lock) replaces the renderer', async ({
  page,
  harness,
}) => {
  const reports = async () => (await harness.recorded()).ipc.filter((channel) => channel === 'sestra:reportActivity').length
  await createVault(page, passphrase)
  await page.getByTestId('nav-contacts').click()
  await page.getByTestId('contacts-search').pressSequentially('abc')
  await page.getByTestId('nav-settings').click()
  await expect.poll(reports).toBe(1)
  await page.waitForTimeout(500)
  expect(await reports()).toBe(1)

  // What the auto-lock does in main: lock without the renderer asking. The page that asked goes with its renderer.
  await expectNewRenderer(page, () => page.evaluate(() => void (globalThis as unknown as { sestra: { lock(): Promise<unknown> } }).sestra.lock()))
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible()
})

test('the duress passphrase opens an empty vault that looks new; the real data is gone; settings are saved', async ({
  page,
  dataDir,
}) => {
  await createVault(page, passphrase)
  const newVault = await contactsScreen(page)
  await addContact(page, { name: 'Madina Example', phones: '+7 700 000 0000', speedDial: true })

  await page.getByTestId('nav-settings').click()
  const explained = page.getByTestId('wipe-explained')
  await expect(explained).toContainText('It cannot be undone.')
  await expect(explained).toContainText('trusted ally')
  await expect(explained).toContainText('legal risk')
  await expect(page.getByTestId('wipe-after-failures')).toHaveValue('off')
  await expect(page.getByTestId('panic-shortcut')).toHaveText('Ctrl + Alt + Shift + X')

  await page.getByTestId('panic-action-quit').check()
  await expect(page.getByTestId('seizure-saved')).toBeVisible()
  await page.getByTestId('auto-lock-minutes').selectOption('10')
  await page.getByTestId('wipe-after-failures').selectOption('5')
  await page.getByTestId('lock-on-minimise').check()
  await expect(page.getByTestId('lock-on-minimise')).toBeChecked()
  await page.getByTestId('panic-shortcut-choice').selectOption('CommandOrControl+Alt+Shift+F12')
  await expect(page.getByTestId('panic-shortcut')).toHaveText('Ctrl + Alt + Shift + F12')

  await page.getByTestId('duress-current').fill(passphrase)
  await page.getByTestId('duress-passphrase').fill(passphrase)
  await page.getByTestId('duress-repeat').fill(passphrase)
  await page.getByTestId('duress-submit').click()
  await expect(page.getByTestId('duress-same')).toBeVisible()
  await page.getByTestId('duress-passphrase').fill(duressPassphrase)
  await page.getByTestId('duress-repeat').fill(`${duressPassphrase}!`)
  await page.getByTestId('duress-submit').click()
  await expect(page.getByTestId('duress-error')).toHaveText('The two passphrases are not the same.')
  await page.getByTestId('duress-current').fill('not the passphrase')
  await page.getByTestId('duress-repeat').fill(duressPassphrase)
  await page.getByTestId('duress-submit').click()
  await expect(page.getByTestId('duress-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await page.getByTestId('duress-current').fill(passphrase)
  await page.getByTestId('duress-passphrase').fill(duressPassphrase)
  await page.getByTestId('duress-repeat').fill(duressPassphrase)
  await page.getByTestId('duress-submit').click()
  await expect(page.getByTestId('duress-done')).toHaveText('The duress passphrase is set.')
  await expect(page.getByTestId('duress-current')).toHaveValue('')
  await expect(page.getByTestId('duress-passphrase')).toHaveValue('')
  await screenshot(page, 'settings-seizure')

  const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as unknown
  expect(stored).toMatchObject({
    panicAction: 'quit',
    autoLockMinutes: 10,
    wipeAfterFailures: 5,
    lockOnMinimise: true,
    panicShortcut: 'CommandOrControl+Alt+Shift+F12',
  })

  await lock(page)
  await unlock(page, duressPassphrase)
  const duressVault = await contactsScreen(page)
  await screenshot(page, 'duress-empty')
  expect(duressVault.equals(newVault), 'the duress vault looks exactly like a new one').toBe(true)

  // Settings live outside the vault, so they survive the wipe and a reload.
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('panic-action-quit')).toBeChecked()
  await expect(page.getByTestId('auto-lock-minutes')).toHaveValue('10')
  await expect(page.getByTestId('wipe-after-failures')).toHaveValue('5')

  await lock(page)
  await attemptUnlock(page, passphrase)
  await expect(page.getByTestId('unlock-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await unlock(page, duressPassphrase)
  await page.getByTestId('nav-contacts').click()
  await expect(page.getByTestId('contacts-empty')).toBeVisible()
  await expect(page.getByText('Madina')).toHaveCount(0)
})
