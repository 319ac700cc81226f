import { expect, type Page } from '@playwright/test'

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
