import { errorMessages } from '../../../shared/errors'
import { productionCsp } from '../../../shared/csp'
import { expect, test } from '../fixtures'
import { addContact, attemptUnlock, contactRow, createVault, fillContact, lock, screenshot, unlock } from '../flows'

const passphrase = 'correct horse battery staple'

interface Recorded {
  cspViolations: string[]
}

/** Runs in the page: keeps every CSP violation, since a blocked load fails silently. */
function recordCspViolations(): void {
  const seen: string[] = []
  Object.defineProperty(globalThis, 'cspViolations', { value: seen })
  // The page's window: violations bubble up to it from the document and its elements.
  ;(globalThis as unknown as EventTarget).addEventListener('securitypolicyviolation', (event) => {
    const e = event as Event & { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number }
    seen.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
  })
}

test('create a vault, add and edit a contact, lock, unlock and find it again', async ({ page }) => {
  const meter = page.getByTestId('strength-meter')
  await page.getByTestId('create-passphrase').fill('password')
  await expect(meter).toHaveJSProperty('value', 0)
  await expect(page.getByTestId('strength-hint')).toHaveText('This is one of the first passwords anyone would try.')
  await page.getByTestId('create-passphrase').fill(passphrase)
  await expect(meter).toHaveJSProperty('value', 4)
  await expect(page.getByTestId('strength-label')).toHaveText('Strong')

  await page.getByTestId('create-repeat').fill('correct horse battery stable')
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('create-error')).toHaveText('The two passphrases are not the same.')

  await createVault(page, passphrase, true)
  await expect(page.getByTestId('campaigns-empty')).toBeVisible()
  await screenshot(page, 'frame')

  await addContact(page, {
    name: 'Aigul Lawyer',
    organisation: 'Legal Aid Bishkek',
    roles: ['lawyer', 'human_rights_org'],
    phones: '+996 555 123 456, +996 700 000 001',
    speedDial: true,
  })
  await addContact(page, { name: 'Dina', roles: ['journalist'] })
  const aigul = contactRow(page, 'Aigul Lawyer')
  await expect(aigul).toContainText('Lawyer, Human-rights organisation')
  await expect(aigul).toContainText('+996 555 123 456')
  await expect(page.getByTestId('contacts-total')).toHaveText('Contacts in the vault: 2')
  await expect(page.getByTestId('speed-dial-item')).toHaveText(['Aigul Lawyer+996 555 123 456'])
  await screenshot(page, 'contacts-list')

  await page.getByTestId('contact-new').click()
  await fillContact(page, { name: 'Nobody', phones: 'call me maybe' })
  await page.getByTestId('contact-save').click()
  await expect(page.getByTestId('contact-error')).toContainText('cannot be dialled')
  await page.getByTestId('contact-cancel').click()

  await aigul.click()
  await expect(page.getByTestId('contact-name')).toHaveValue('Aigul Lawyer')
  await expect(page.getByTestId('contact-phones')).toHaveValue('+996 555 123 456\n+996 700 000 001')
  await expect(page.getByTestId('contact-updated')).toContainText('Last changed')
  await fillContact(page, { name: 'Aigul Osmonova', notes: 'Knows about the risk of planted drugs.' })
  await screenshot(page, 'contact-editor')
  await page.getByTestId('contact-save').click()
  await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()
  await expect(contactRow(page, 'Aigul Lawyer')).toHaveCount(0)

  await page.getByTestId('contacts-search').fill('osmon')
  await expect(page.getByTestId('contact-row')).toHaveCount(1)
  await page.getByTestId('contacts-search').fill('zzz')
  await expect(page.getByTestId('contacts-empty')).toHaveText('No contact matches the search.')

  await lock(page)
  await expect(page.getByText('Aigul')).toHaveCount(0)
  // Nothing of the vault is kept in the browser's storage, only the language at most.
  const stored = await page.evaluate(() => Object.keys(localStorage).concat(Object.keys(sessionStorage)))
  expect(stored.filter((key) => key !== 'sestra.language')).toEqual([])
  await screenshot(page, 'unlock')

  await unlock(page, passphrase)
  await expect(page.getByTestId('speed-dial-item')).toHaveText(['Aigul Osmonova+996 555 123 456'])
  await page.getByTestId('nav-contacts').click()
  await contactRow(page, 'Aigul Osmonova').click()
  await expect(page.getByTestId('contact-notes')).toHaveValue('Knows about the risk of planted drugs.')

  await page.getByTestId('contact-delete').click()
  await page.getByTestId('contact-delete-confirm').click()
  await expect(page.getByTestId('contact-row')).toHaveCount(1)
  await expect(page.getByTestId('speed-dial-item')).toHaveCount(0)
})

test('a wrong passphrase is refused with a plain message', async ({ page }) => {
  await createVault(page, passphrase)
  await lock(page)
  await attemptUnlock(page, 'not the passphrase')
  await expect(page.getByTestId('unlock-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await expect(page.getByTestId('unlock-passphrase')).toHaveValue('')
  await expect(page.getByTestId('lock-button')).toHaveCount(0)
  await unlock(page, passphrase)
})

test('after a passphrase change only the new passphrase unlocks', async ({ page }) => {
  const next = 'green teapot sings at dawn'
  await createVault(page, passphrase)
  await page.getByTestId('nav-settings').click()

  await page.getByTestId('settings-current').fill('wrong current one')
  await page.getByTestId('settings-next').fill(next)
  await page.getByTestId('settings-repeat').fill(next)
  await page.getByTestId('settings-submit').click()
  await expect(page.getByTestId('settings-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await expect(page.getByTestId('settings-done')).toHaveCount(0)

  await page.getByTestId('settings-current').fill(passphrase)
  await page.getByTestId('settings-repeat').fill(`${next}!`)
  await page.getByTestId('settings-submit').click()
  await expect(page.getByTestId('settings-error')).toHaveText('The two passphrases are not the same.')

  await page.getByTestId('settings-repeat').fill(next)
  await page.getByTestId('settings-submit').click()
  await expect(page.getByTestId('settings-done')).toBeVisible()
  await expect(page.getByTestId('settings-current')).toHaveValue('')
  await screenshot(page, 'settings')

  await lock(page)
  await attemptUnlock(page, passphrase)
  await expect(page.getByTestId('unlock-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await unlock(page, next)
})

test('the UI speaks Russian, and remembers the choice', async ({ page }) => {
  await page.getByTestId('language-select').selectOption('ru')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Создайте хранилище')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Создайте хранилище')
  await page.getByTestId('create-passphrase').fill('short')
  await expect(page.getByTestId('strength-label')).toHaveText('Слишком слабая')
  await createVault(page, passphrase)
  await expect(page.getByTestId('nav-contacts')).toHaveText('Контакты')
  await expect(page.getByTestId('lock-button')).toHaveText('Заблокировать')
  await screenshot(page, 'russian')

  await lock(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Разблокируйте хранилище')
  await attemptUnlock(page, 'not the passphrase')
  await expect(page.getByTestId('unlock-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.ru)
  // The error already shown follows a language switch.
  await page.getByTestId('language-select').selectOption('en')
  await expect(page.getByTestId('unlock-error')).toHaveText(errorMessages.WRONG_PASSPHRASE.en)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unlock the vault')
})

test('the renderer runs under the production CSP without violating it', async ({ page }) => {
  // The app's window loaded before the test could watch it: load it again, watched.
  await page.addInitScript(recordCspViolations)
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(productionCsp)
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', productionCsp)

  await createVault(page, passphrase)
  await addContact(page, { name: 'Front Line Defenders', roles: ['human_rights_org'], speedDial: true })
  await contactRow(page, 'Front Line Defenders').click()
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('nav-campaigns').click()

  expect(await page.evaluate(() => (globalThis as unknown as Recorded).cspViolations)).toEqual([])
  await expect(page.locator('[style]')).toHaveCount(0)
})
