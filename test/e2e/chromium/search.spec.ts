import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addMonths, localToday } from '../../../shared/calendarDates'
import { expect, test } from '../fixtures'
import { addContact, createVault, screenshot } from '../flows'
import { addDocument, addPerson } from '../flows/people'

const passphrase = 'correct horse battery staple'
const today = localToday()

const hits = (page: Page) => page.getByTestId('global-search-hit')

test('search: a person with her documents and their holder, kinds in the UI language, lawyers by role in both languages (EN, RU)', async ({ page }) => {
  await createVault(page, passphrase)
  await page.getByTestId('nav-people').click()
  await addPerson(page, 'Dana Example', 'self')
  await addPerson(page, 'Timur Example', 'child', 'Dana Example')
  await addDocument(page, 'Timur Example', 'passport', 'KG', addMonths(today, 24))
  await addDocument(page, 'Timur Example', 'passport', 'KG', addMonths(today, 60))
  await addContact(page, { name: 'Aigul Example', organisation: 'Adilet (fictional)', roles: ['lawyer'], phones: '+996 555 000 111' })

  await page.getByTestId('global-search').fill('Timur')
  await expect(hits(page)).toHaveCount(3)
  await expect(hits(page).getByTestId('global-search-title')).toHaveText(['Timur Example', 'Passport KG', 'Passport KG'])
  // Two passports of one child, told apart: whose they are and until when.
  const contexts = hits(page).getByTestId('global-search-context')
  await expect(contexts).toHaveCount(2)
  await expect(contexts.nth(0)).toContainText('Timur Example')
  await expect(contexts.nth(1)).toContainText('Timur Example')
  expect(await contexts.nth(0).textContent()).not.toBe(await contexts.nth(1).textContent())
  await screenshot(page, 'search-person-documents')
  // The search box with its results open: no attribute a search box may not carry.
  const { violations } = await new AxeBuilder({ page }).include('.global-search').analyze()
  expect(violations.map((v) => `${v.id} (${v.impact})`)).toEqual([])

  await page.getByTestId('global-search').fill('lawyer')
  await expect(hits(page).getByTestId('global-search-title')).toHaveText(['Aigul Example'])
  await expect(hits(page).getByTestId('global-search-context')).toHaveText('Lawyer · Adilet (fictional)')

  await page.getByTestId('language-select').selectOption('ru')
  await page.getByTestId('global-search').fill('адвокат')
  await expect(hits(page).getByTestId('global-search-title')).toHaveText(['Aigul Example'])
  await expect(hits(page).getByTestId('global-search-context')).toHaveText('Адвокат · Adilet (fictional)')
  await page.getByTestId('global-search').fill('Timur')
  await expect(hits(page).getByTestId('global-search-title')).toHaveText(['Timur Example', 'Загранпаспорт KG', 'Загранпаспорт KG'])
  await page.getByTestId('global-search').fill('паспорт')
  await expect(hits(page)).toHaveCount(2)
  await screenshot(page, 'russian-search')

  // A document hit opens that very document.
  await hits(page).first().click()
  await expect(page.getByTestId('document-holder')).toContainText('Timur Example')
})
