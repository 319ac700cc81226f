import { expect, type Page } from '@playwright/test'

export const personCard = (page: Page, name: string) => page.locator(`[data-testid="person-card"][data-name="${name}"]`)

/** Adds a person from the People screen; `parent` ticks the parent's box. */
export async function addPerson(page: Page, name: string, relation: string, parent?: string): Promise<void> {
  await page.getByTestId('person-new').click()
  await page.getByTestId('person-name').fill(name)
  await page.getByTestId('person-relation').selectOption(relation)
  if (parent) await page.locator(`[data-testid="person-parent"][data-name="${parent}"]`).check()
  await page.getByTestId('person-save').click()
  await expect(personCard(page, name)).toBeVisible()
}

/** Adds a document to a person on the family page; `validUntil` as the date field takes it. */
export async function addDocument(page: Page, person: string, kind: string, country: string, validUntil: string): Promise<void> {
  await personCard(page, person).getByTestId('document-new').click()
  await expect(page.getByTestId('document-holder')).toContainText(person)
  await page.getByTestId('document-kind').selectOption(kind)
  await page.getByTestId('document-country').fill(country)
  await page.getByTestId('document-valid-until').fill(validUntil)
  await page.getByTestId('document-save').click()
  await expect(personCard(page, person)).toBeVisible()
}

/** Creates a campaign from the Campaigns screen with the given participants. */
export async function addCampaign(page: Page, c: { title: string; start: string; end: string; participants: string[] }): Promise<void> {
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-title').fill(c.title)
  await page.getByTestId('campaign-start').fill(c.start)
  await page.getByTestId('campaign-end').fill(c.end)
  for (const name of c.participants) await page.locator(`[data-testid="campaign-participant"][data-name="${name}"]`).check()
  await page.getByTestId('campaign-save').click()
  await expect(page.getByTestId('dashboard-score')).toBeVisible()
}
