import { expect, test, type Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'

/*
 * Steps shared by the Chromium and the Electron end-to-end specs: they drive
 * the UI only through data-testid selectors and visible text.
 */

const screenshotDir = resolve(import.meta.dirname, '../../test-results/screenshots')

/** test-results/screenshots/<name>.png; other projects than chromium prefix their name. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const project = test.info().project.name
  await mkdir(screenshotDir, { recursive: true })
  const file = project === 'chromium' ? `${name}.png` : `${project}-${name}.png`
  await page.screenshot({ path: resolve(screenshotDir, file), fullPage: true })
}

export async function createVault(page: Page, passphrase: string, shot = false): Promise<void> {
  await expect(page.getByTestId('create-warning')).toBeVisible()
  await page.getByTestId('create-passphrase').fill(passphrase)
  await page.getByTestId('create-repeat').fill(passphrase)
  if (shot) await screenshot(page, 'create')
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
}

export async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
}

export async function lock(page: Page): Promise<void> {
  await page.getByTestId('lock-button').click()
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible()
}

export async function attemptUnlock(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
}

export interface ContactForm {
  name: string
  organisation?: string
  roles?: string[]
  phones?: string
  notes?: string
  speedDial?: boolean
}

/** Fills the open editor: only the fields given are touched. */
export async function fillContact(page: Page, form: Partial<ContactForm>): Promise<void> {
  if (form.name !== undefined) await page.getByTestId('contact-name').fill(form.name)
  if (form.organisation !== undefined) await page.getByTestId('contact-organisation').fill(form.organisation)
  for (const role of form.roles ?? []) await page.getByTestId(`contact-role-${role}`).check()
  if (form.phones !== undefined) await page.getByTestId('contact-phones').fill(form.phones)
  if (form.notes !== undefined) await page.getByTestId('contact-notes').fill(form.notes)
  if (form.speedDial !== undefined) await page.getByTestId('contact-speed-dial').setChecked(form.speedDial)
}

export async function addContact(page: Page, form: ContactForm): Promise<void> {
  await page.getByTestId('nav-contacts').click()
  await page.getByTestId('contact-new').click()
  await fillContact(page, form)
  await page.getByTestId('contact-save').click()
  await expect(contactRow(page, form.name)).toBeVisible()
}

export function contactRow(page: Page, name: string) {
  return page.getByTestId('contact-row').filter({ has: page.getByTestId('contact-row-name').getByText(name, { exact: true }) })
}
