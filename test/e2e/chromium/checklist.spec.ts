import type { Page } from '@playwright/test'
import { addDays, addMonths, localToday } from '../../../shared/calendarDates'
import { expect, test } from '../fixtures'
import { addContact, createVault, screenshot } from '../flows'
import { addCampaign, addDocument, addPerson } from '../flows/people'

const passphrase = 'correct horse battery staple'
const lawyer = 'Aigul Lawyer (fictional)'
const today = localToday()

const item = (page: Page, kind: string) => page.locator(`[data-testid="checklist-item"][data-kind="${kind}"]`)

test('checklist: one state per item, a hand mark says what the vault still sees, each reason leads to its fix (EN, RU)', async ({ page }) => {
  await createVault(page, passphrase)
  await page.getByTestId('nav-people').click()
  await addPerson(page, 'Dana Example', 'self')
  await addDocument(page, 'Dana Example', 'passport', 'KG', addMonths(today, 60))
  // Briefed later in this test, but not on speed dial: the item says "number on speed dial".
  await addContact(page, { name: lawyer, roles: ['lawyer'], phones: '+996 555 123 456', speedDial: false })
  await addCampaign(page, { title: '16 Days (test)', start: addDays(today, 10), end: addDays(today, 25), participants: ['Dana Example'] })

  await page.getByTestId('campaign-tab-checklist').click()
  const lawyerItem = item(page, 'lawyer')
  await expect(lawyerItem.getByTestId('checklist-item-state')).toHaveText('Not ready')
  await expect(lawyerItem.getByTestId('checklist-reason')).toHaveText([
    `${lawyer} is not marked as briefed for this campaign. Open the contact`,
    `${lawyer} is not on speed dial. Open the contact`,
  ])

  // Marked done by hand: still one badge, and it says whose mark it is and what the vault sees.
  await page.getByTestId('checklist-lawyer-status').selectOption('done')
  await expect(lawyerItem.getByTestId('checklist-item-state')).toHaveText('Marked done by you')
  await expect(lawyerItem.getByTestId('checklist-item-state')).toHaveCount(1)
  await expect(lawyerItem.getByTestId('checklist-item-marked')).toHaveText('Marked done by you; the vault still sees:')
  await expect(lawyerItem.getByTestId('checklist-lawyer-status').locator('option')).toHaveText([
    'Checked by the vault',
    'Marked done by me',
    'Does not apply',
  ])
  await screenshot(page, 'checklist-marked-done')

  await page.getByTestId('language-select').selectOption('ru')
  await expect(lawyerItem.getByTestId('checklist-item-state')).toHaveText('Отмечено вами как сделанное')
  await expect(lawyerItem.getByTestId('checklist-item-marked')).toHaveText('Вы отметили пункт как сделанный; хранилище всё ещё видит:')
  await expect(lawyerItem.getByTestId('checklist-reason').nth(1)).toHaveText(`${lawyer}: номер не на быстром наборе. Открыть контакт`)
  await screenshot(page, 'russian-checklist-marked-done')
  await page.getByTestId('language-select').selectOption('en')

  // The press contact reason opens the campaign's own field.
  await item(page, 'allies_briefed').locator('[data-testid="checklist-fix"][data-place="campaign"]').click()
  await expect(page.locator('#campaign-press-contact')).toBeFocused()
  await page.getByTestId('campaign-tab-checklist').click()

  // The speed-dial reason opens the contact with that very box focused; the briefing reason its date.
  await lawyerItem.getByTestId('checklist-fix').nth(1).click()
  await expect(page.getByTestId('contact-speed-dial')).toBeFocused()
  await page.getByTestId('contact-speed-dial').check()
  await page.getByLabel('16 Days (test)', { exact: true }).fill(today)
  await page.getByTestId('contact-save').click()

  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-tab-checklist').click()
  await expect(lawyerItem.getByTestId('checklist-item-state')).toHaveText('Ready')
  await expect(lawyerItem.getByTestId('checklist-item-marked')).toHaveCount(0)
  await expect(lawyerItem.getByTestId('checklist-reason')).toHaveCount(0)
  await screenshot(page, 'checklist-fixed')
})
