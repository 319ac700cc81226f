import { expect, type Page } from '@playwright/test'
import { addContact, contactRow, fillContact } from './contacts'
import { screenshot } from './screenshot'
import { attemptUnlock, createVault, lock, unlock } from './vault'

/*
 * Whole journeys run by both the Chromium specs (built app under the Electron
 * stand-in) and the Electron spec (the same build in real Electron), so the
 * two check the same things.
 */

/** Create, add and edit a contact, lock (a new renderer), refuse a wrong passphrase, unlock and find it. */
export async function contactJourney(page: Page, passphrase: string): Promise<void> {
  await createVault(page, passphrase, true)
  await addContact(page, { name: 'Aigul Lawyer', roles: ['lawyer'], phones: '+996 555 123 456', speedDial: true })
  await screenshot(page, 'contacts-list')

  await contactRow(page, 'Aigul Lawyer').click()
  await fillContact(page, { name: 'Aigul Osmonova' })
  await page.getByTestId('contact-save').click()
  await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()

  await lock(page)
  await expect(page.getByText('Aigul')).toHaveCount(0)
  await attemptUnlock(page, 'not the passphrase')
  await expect(page.getByTestId('unlock-error')).toBeVisible()
  await unlock(page, passphrase)
  await page.getByTestId('nav-contacts').click()
  await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()
  await expect(page.getByTestId('speed-dial-item')).toHaveText(['Aigul Osmonova+996 555 123 456'])
}
