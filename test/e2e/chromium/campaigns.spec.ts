import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { addDays, addMonths, localToday } from '../../../shared/calendarDates'
import { pdfPageTexts } from '../../support/pdfText'
import { expect, test } from '../fixtures'
import { addContact, contactRow, createVault, lock, screenshot, unlock } from '../flows'
import { addDocument, addPerson, personCard } from '../flows/people'

const passphrase = 'correct horse battery staple'
const campaignTitle = '16 days of activism (test)'
const lawyer = 'Aigul Lawyer (fictional)'

// Dates follow today, so the near-start warning and the bands hold on any day the test runs.
const today = localToday()
const start = addDays(today, 10)
const end = addDays(today, 25)
const childPassportUntil = addMonths(end, 3)
const required = addMonths(end, 6)
const day = (date: string, language: 'en' | 'ru') => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

async function setStatus(page: Page, kind: string, status: string, state: string) {
  await page.getByTestId(`checklist-${kind}-status`).selectOption(status)
  await expect(page.locator(`[data-testid="checklist-item"][data-kind="${kind}"]`).getByTestId('checklist-item-state')).toHaveText(state)
}

test('campaign readiness: the family\'s passports and the lawyer, failing, fixed, in English and Russian', async ({ page, harness, dataDir }) => {
  await createVault(page, passphrase)
  await expect(page.getByTestId('campaigns-empty')).toBeVisible()

  // The family: the activist and her child, with passports; the child's ends before the margin.
  await page.getByTestId('nav-people').click()
  await addPerson(page, 'Dana Example', 'self')
  await addPerson(page, 'Timur Example', 'child', 'Dana Example')
  await expect(personCard(page, 'Timur Example')).toContainText('Child of Dana Example')
  await addDocument(page, 'Dana Example', 'passport', 'KG', addMonths(today, 60))
  await addDocument(page, 'Timur Example', 'passport', 'KG', childPassportUntil)
  await addDocument(page, 'Dana Example', 'national_id', 'KG', addDays(today, -3))
  const timurPassport = personCard(page, 'Timur Example').getByTestId('document-row')
  await expect(timurPassport.getByTestId('document-state')).toHaveText('Expires within 180 days')
  await expect(personCard(page, 'Dana Example').locator('[data-kind="national_id"]').getByTestId('document-state')).toHaveText('Expired')
  await expect(personCard(page, 'Dana Example').locator('[data-kind="national_id"]').getByTestId('document-countdown')).toContainText('3 days ago')
  await screenshot(page, 'people')

  await page.getByTestId('people-tab-expiry').click()
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Dana Example', 'Timur Example'])
  await expect(page.getByTestId('expiry-row').first().getByTestId('document-state')).toHaveText('Expired')
  await screenshot(page, 'expiry')
  await page.getByTestId('expiry-person').selectOption({ label: 'Timur Example' })
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Timur Example'])
  await page.getByTestId('expiry-person').selectOption({ label: 'Everyone' })
  await page.getByTestId('expiry-kind').selectOption('passport')
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Timur Example'])

  // A lawyer with a phone on speed dial, not yet briefed.
  await addContact(page, { name: lawyer, roles: ['lawyer'], phones: '+996 555 123 456', speedDial: true })

  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-new').click()
  await page.getByTestId('campaign-title').fill(campaignTitle)
  await page.getByTestId('campaign-start').fill(start)
  await page.getByTestId('campaign-end').fill(end)
  await page.locator('[data-testid="campaign-participant"][data-name="Dana Example"]').check()
  await page.getByTestId('task-add').click()
  await page.getByTestId('task-title').fill('Print leaflets')
  await page.getByTestId('task-owner').fill('Dana')
  await page.getByTestId('task-due').fill(addDays(today, 5))
  await page.getByTestId('campaign-save').click()
  await expect(page.getByTestId('dashboard-score')).toHaveText('Ready: 0%')

  // What the vault cannot check is marked by hand; what does not apply is set aside.
  await page.getByTestId('campaign-tab-checklist').click()
  await setStatus(page, 'digital_security', 'done', 'Ready')
  await setStatus(page, 'safe_channel', 'done', 'Ready')
  for (const kind of ['human_rights_orgs', 'psychological_support', 'allies_briefed', 'journalists_briefed']) {
    await setStatus(page, kind, 'not_applicable', 'Does not apply')
  }
  await expect(page.locator('[data-testid="checklist-item"][data-kind="lawyer"]').getByTestId('checklist-item-state')).toHaveText('Not ready')
  await screenshot(page, 'campaign-checklist')

  await page.getByTestId('campaign-tab-dashboard').click()
  await expect(page.getByTestId('dashboard-score')).toHaveText('Ready: 50%')
  await expect(page.getByTestId('dashboard-score-line')).toHaveText('Ready items: 2 of 4')
  await expect(page.getByTestId('dashboard-warning')).toHaveText('The campaign starts in 10 days and 2 items are not ready.')
  const failing = page.getByTestId('failing-item')
  await expect(failing.getByTestId('failing-item-title')).toHaveText([
    'A lawyer on contract, briefed, number on speed dial',
    'Valid passports and visas for the women and their children',
  ])
  await expect(failing.nth(0).getByTestId('failing-reason')).toHaveText([`${lawyer} is not marked as briefed for this campaign.`])
  await expect(failing.nth(1).getByTestId('failing-reason')).toHaveText([
    `The passport of Timur Example (KG) expires on ${day(childPassportUntil, 'en')}; it must be valid until at least ${day(required, 'en')}.`,
  ])
  await expect(page.getByTestId('deadline-item')).toContainText(['Print leaflets'])
  await screenshot(page, 'campaign-dashboard')

  // The same reasons in Russian.
  await page.getByTestId('language-select').selectOption('ru')
  await expect(page.getByTestId('dashboard-score')).toHaveText('Готово: 50%')
  await expect(failing.nth(0).getByTestId('failing-reason')).toHaveText([`${lawyer}: не отмечено, что контакт проинформирован об этой кампании.`])
  await expect(failing.nth(1).getByTestId('failing-reason')).toHaveText([
    `Timur Example: паспорт (KG) действует до ${day(childPassportUntil, 'ru')}; нужно, чтобы он действовал как минимум до ${day(required, 'ru').replace(/\.$/, '')}.`,
  ])
  await expect(page.getByTestId('dashboard-warning')).toHaveText('До начала кампании осталось дней: 10; не готово пунктов: 2.')
  await screenshot(page, 'russian-campaign')
  await page.getByTestId('language-select').selectOption('en')

  // Fix both: brief the lawyer for this campaign, renew the child's passport.
  await page.getByTestId('nav-contacts').click()
  await contactRow(page, lawyer).click()
  await page.getByLabel(campaignTitle, { exact: true }).fill(today)
  await page.getByTestId('contact-save').click()
  await expect(contactRow(page, lawyer)).toBeVisible()

  await page.getByTestId('nav-people').click()
  await page.getByTestId('people-tab-family').click()
  await timurPassport.click()
  await page.getByTestId('document-valid-until').fill(addMonths(today, 120))
  await page.getByTestId('document-save').click()
  await expect(timurPassport.getByTestId('document-state')).toHaveText('Valid')

  // The campaign stays open across screens and shows what changed elsewhere.
  await page.getByTestId('nav-campaigns').click()
  await expect(page.getByTestId('campaign-heading')).toHaveText(campaignTitle)
  await expect(page.getByTestId('dashboard-score')).toHaveText('Ready: 100%')
  await expect(page.getByTestId('dashboard-all-met')).toBeVisible()
  await expect(page.getByTestId('dashboard-warning')).toHaveCount(0)
  await page.getByTestId('campaign-back').click()
  await expect(page.getByTestId('campaign-row-score')).toHaveText(['Ready: 100%'])

  // Search across the vault leads to the record.
  await page.getByTestId('global-search').fill('Timur')
  await page.getByTestId('global-search-hit').filter({ hasText: 'Timur Example' }).first().click()
  await expect(page.getByTestId('person-name')).toHaveValue('Timur Example')
  await page.getByTestId('person-cancel').click()

  // The wallet card, after the warning that it is not protected.
  await page.getByTestId('nav-contacts').click()
  await expect(page.getByTestId('lawyer-card-warning')).toContainText('NOT protected')
  const cardPath = join(dataDir, 'lawyer-card.pdf')
  await harness.scriptDialogs({ save: cardPath })
  await page.getByTestId('lawyer-card-language').selectOption('ru')
  await page.getByTestId('lawyer-card-save').click()
  await expect(page.getByTestId('lawyer-card-outcome')).toHaveText('The card was saved.')
  const card = (await pdfPageTexts(await readFile(cardPath))).join('\n')
  expect(card).toContain(lawyer)
  expect(card).toContain('+996 555 123 456')
  expect(card).toContain('Мой адвокат')

  // At the next unlock, the expired ID is pointed out without naming anyone.
  await lock(page)
  await unlock(page, passphrase)
  await expect(page.getByTestId('reminder-expired')).toHaveText('Expired: 1')
  await expect(page.getByTestId('expiry-reminder')).not.toContainText('Dana')
  await page.getByTestId('reminder-open').click()
  await expect(page.getByTestId('expiry-row-person')).toHaveText(['Dana Example'])
  await expect(page.getByTestId('expiry-reminder')).toHaveCount(0)
})
