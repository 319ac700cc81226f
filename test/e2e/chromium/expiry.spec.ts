import { addDays, addMonths, localToday } from '../../../shared/calendarDates'
import { expect, test } from '../fixtures'
import { createVault, lock, screenshot, unlock } from '../flows'
import { addCampaign, addDocument, addPerson, personCard } from '../flows/people'

const passphrase = 'correct horse battery staple'
const today = localToday()
// Far enough out that the child's passport is in the "Valid" band, yet short of the margin.
const end = addDays(today, 320)
const childUntil = addMonths(end, 3)
const required = addMonths(end, 6)
const day = (date: string, language: 'en' | 'ru') => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

test('family and expiry views agree with the campaigns; the expiry window is chosen and remembered (EN, RU)', async ({ page }) => {
  await createVault(page, passphrase)
  await page.getByTestId('nav-people').click()
  await addPerson(page, 'Dana Example', 'self')
  await addPerson(page, 'Timur Example', 'child', 'Dana Example')
  await addDocument(page, 'Dana Example', 'passport', 'KG', addMonths(today, 60))
  await addDocument(page, 'Timur Example', 'passport', 'KG', childUntil)
  await addCampaign(page, { title: '16 Days', start: addDays(today, 300), end, participants: ['Dana Example'] })

  await page.getByTestId('nav-people').click()
  const timurState = personCard(page, 'Timur Example').getByTestId('document-state')
  await expect(timurState).toHaveText(`Valid, but too short for "16 Days" (needs ${day(required, 'en')})`)
  await expect(timurState).toHaveClass(/state-warn/)
  await expect(personCard(page, 'Dana Example').getByTestId('document-state')).toHaveText('Valid')
  await screenshot(page, 'family-too-short')

  // The overview: a year does not reach the child's passport; the next campaign plus its margin does.
  await page.getByTestId('people-tab-expiry').click()
  await page.getByTestId('expiry-window').selectOption('days365')
  await expect(page.getByTestId('expiry-empty')).toBeVisible()
  await page.getByTestId('expiry-window').selectOption('nextCampaign')
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Timur Example'])
  await expect(page.getByTestId('expiry-row').getByTestId('document-state')).toHaveText(`Valid, but too short for "16 Days" (needs ${day(required, 'en')})`)
  await screenshot(page, 'expiry-next-campaign')

  await page.getByTestId('language-select').selectOption('ru')
  await expect(page.getByTestId('expiry-row').getByTestId('document-state')).toHaveText(
    `Действует, но срока не хватает для «16 Days» (нужно до ${day(required, 'ru')})`,
  )
  await expect(page.getByTestId('expiry-window').locator('option:checked')).toHaveText('до конца ближайшей кампании + запас')
  await screenshot(page, 'russian-expiry-next-campaign')
  await page.getByTestId('language-select').selectOption('en')

  // The choice outlives the session.
  await lock(page)
  await unlock(page, passphrase)
  await page.getByTestId('nav-people').click()
  await page.getByTestId('people-tab-expiry').click()
  await expect(page.getByTestId('expiry-window')).toHaveValue('nextCampaign')
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Timur Example'])

  // Renewed: the same passport reads plainly "Valid" everywhere.
  await page.getByTestId('expiry-row').click()
  await page.getByTestId('document-valid-until').fill(addMonths(today, 120))
  await page.getByTestId('document-save').click()
  await page.getByTestId('people-tab-family').click()
  // A fresh locator: the renderer after the unlock is a new page.
  await expect(personCard(page, 'Timur Example').getByTestId('document-state')).toHaveText('Valid')
})
