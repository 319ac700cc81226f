import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'
import { addPerson, personCard } from '../flows/people'

const passphrase = 'correct horse battery staple'

test('every date field follows the UI language, not the OS: dd.mm.yyyy in Russian, ISO in English, with a calendar of its own (EN, RU)', async ({ page }) => {
  await createVault(page, passphrase)
  await page.getByTestId('language-select').selectOption('ru')
  await page.getByTestId('nav-people').click()
  await addPerson(page, 'Dana Example', 'self')

  // Typed in the Russian pattern, stored as that day, shown back the same way.
  await personCard(page, 'Dana Example').getByTestId('document-new').click()
  const until = page.getByTestId('document-valid-until')
  await expect(until).toHaveAttribute('placeholder', 'дд.мм.гггг')
  await expect(until).toHaveAttribute('type', 'text')
  await page.getByTestId('document-country').fill('KG')
  await until.fill('10.06.2028')
  // The calendar opens on that month, in Russian, and a pick writes the pattern.
  await page.getByTestId('document-valid-from-calendar').click()
  await expect(page.getByTestId('date-calendar')).toBeVisible()
  const { violations } = await new AxeBuilder({ page }).include('.date-input').analyze()
  expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id)).toEqual([])
  await page.getByTestId('date-calendar').locator('button[data-date$="-15"]').click()
  await expect(page.getByTestId('document-valid-from')).toHaveValue(/^15\.\d{2}\.\d{4}$/)
  await page.getByTestId('document-valid-from').fill('01.06.2018')
  await screenshot(page, 'russian-date-field')
  await page.getByTestId('document-save').click()
  await expect(personCard(page, 'Dana Example').getByTestId('document-countdown')).toContainText('10 июн. 2028')

  await personCard(page, 'Dana Example').getByTestId('document-row').click()
  await expect(page.getByTestId('document-valid-until')).toHaveValue('10.06.2028')
  await expect(page.getByTestId('document-valid-from')).toHaveValue('01.06.2018')
  // A day that does not exist is refused in words, and nothing is saved.
  await page.getByTestId('document-valid-until').fill('31.02.2029')
  await page.getByTestId('document-save').click()
  await expect(page.getByTestId('document-valid-until')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('document-error')).toBeVisible()

  // The same field in English: ISO, the same day.
  await page.getByTestId('language-select').selectOption('en')
  await page.getByTestId('document-valid-until').fill('2028-06-10')
  await page.getByTestId('language-select').selectOption('ru')
  await expect(page.getByTestId('document-valid-until')).toHaveValue('10.06.2028')
  await page.getByTestId('language-select').selectOption('en')
  await expect(page.getByTestId('document-valid-until')).toHaveValue('2028-06-10')
  await expect(page.getByTestId('document-valid-until')).toHaveAttribute('placeholder', 'yyyy-mm-dd')
  await page.getByTestId('document-cancel').click()

  // The ally's "verified on" is a date field like every other.
  await page.getByTestId('language-select').selectOption('ru')
  await page.getByTestId('nav-allies').click()
  await page.getByTestId('allies-tab-allies').click()
  await expect(page.getByTestId('ally-verified-on')).toHaveAttribute('placeholder', 'дд.мм.гггг')
  await page.getByTestId('ally-verified-on').fill('01.11.2026')
  await expect(page.getByTestId('ally-verified-on')).toHaveValue('01.11.2026')
  await screenshot(page, 'russian-ally-verified-on')
})
