import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { createVault } from '../flows'
import { addPerson, personCard } from '../flows/people'

const passphrase = 'correct horse battery staple'

/** What a screen-reader user meets after a refused save: focus on the field, marked invalid, the reason read with it. */
async function refused(field: Locator, reason: string): Promise<void> {
  await expect(field).toBeFocused()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(reason.replace(/[.()]/g, '\\$&')))
}

async function accepted(page: Page, field: Locator, errorId: string): Promise<void> {
  await expect(field).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId(errorId)).toHaveCount(0)
}

test('every record editor refuses a bad field the same way: focus, aria-invalid and the reason read out; fixing it clears all three', async ({ page }) => {
  await createVault(page, passphrase)

  // Campaign: the first of the two date fields at fault gets focus; both are marked.
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-title').fill('Spring session')
  await page.getByTestId('campaign-start').fill('2027-06-10')
  await page.getByTestId('campaign-end').fill('2027-06-01')
  await page.getByTestId('campaign-save').click()
  await refused(page.getByTestId('campaign-start'), 'The campaign cannot end before it starts.')
  await expect(page.getByTestId('campaign-end')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('campaign-title')).not.toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('campaign-end').fill('2027-06-20')
  await accepted(page, page.getByTestId('campaign-start'), 'campaign-error')

  // Person: a birth date that does not exist is named as such, on its own field.
  await page.getByTestId('nav-people').click()
  await page.getByTestId('person-new').click()
  await page.getByTestId('person-name').fill('Dana Example')
  await page.getByTestId('person-birth').fill('2001-02-30')
  await page.getByTestId('person-save').click()
  await refused(page.getByTestId('person-birth'), 'Enter a date of birth that exists, or leave it empty.')
  await expect(page.getByTestId('person-name')).not.toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('person-birth').fill('')
  await page.getByTestId('person-name').fill('')
  await page.getByTestId('person-save').click()
  await refused(page.getByTestId('person-name'), 'Enter a name.')
  await page.getByTestId('person-cancel').click()
  await addPerson(page, 'Dana Example', 'self')

  // Document: a missing country is marked on the country field.
  await personCard(page, 'Dana Example').getByTestId('document-new').click()
  await page.getByTestId('document-save').click()
  await refused(page.getByTestId('document-country'), 'Enter the country or zone (at least 2 letters).')
  await page.getByTestId('document-country').fill('KG')
  await accepted(page, page.getByTestId('document-country'), 'document-error')
  await page.getByTestId('document-cancel').click()

  // Contact: the name first, then a phone that cannot be dialled.
  await page.getByTestId('nav-contacts').click()
  await page.getByTestId('contact-new').click()
  await page.getByTestId('contact-phones').fill('call me maybe')
  await page.getByTestId('contact-save').click()
  await refused(page.getByTestId('contact-name'), 'Enter a name.')
  await expect(page.getByTestId('contact-phones')).not.toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('contact-name').fill('Aigul')
  await page.getByTestId('contact-save').click()
  await refused(page.getByTestId('contact-phones'), 'cannot be dialled')
  await page.getByTestId('contact-phones').fill('+996 555 123 456')
  await accepted(page, page.getByTestId('contact-phones'), 'contact-error')

  // Incident: the title first, then a link that is not http(s).
  await page.getByTestId('nav-evidence').click()
  await page.getByTestId('incident-new').click()
  await page.getByTestId('incident-url').fill('ftp://example.org/post')
  await page.getByTestId('incident-save').click()
  await refused(page.getByTestId('incident-title'), 'Enter a short title.')
  await page.getByTestId('incident-title').fill('Threat in the comments')
  await page.getByTestId('incident-save').click()
  await refused(page.getByTestId('incident-url'), 'The link must start with http:// or https://.')
  await page.getByTestId('incident-url').fill('https://example.org/post')
  await accepted(page, page.getByTestId('incident-url'), 'incident-error')
})
