import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'

const passphrase = 'correct horse battery staple'

test('the panic button says "Hold to wipe"; a click or a key tap says at once that nothing was wiped; English and Russian', async ({
  page,
  dataDir,
}) => {
  await createVault(page, passphrase)
  const panic = page.getByTestId('panic-button')
  await expect(panic).toHaveText('Hold to wipe')

  await panic.click()
  const notHeld = page.getByTestId('panic-button-notHeld')
  await expect(notHeld).toHaveText('Nothing was wiped. To wipe, press and hold the button for a second and a half.')
  await expect(notHeld).toHaveAttribute('role', 'alert')
  await screenshot(page, 'panic-click')

  // The keyboard gets the same words: a tap of Space or Enter is not a hold.
  await panic.focus()
  await page.keyboard.press('Space')
  await expect(notHeld).toBeVisible()
  await panic.hover()
  await page.mouse.down()
  await expect(notHeld).toHaveCount(0)
  await expect(panic).toHaveText('Keep holding…')
  await page.waitForTimeout(300)
  await page.mouse.up()
  await expect(notHeld).toBeVisible()
  expect(await readdir(join(dataDir, 'vault'))).toContain('sestra.keys')

  await page.getByTestId('language-select').selectOption('ru')
  await expect(panic).toHaveText('Держите, чтобы удалить')
  await panic.focus()
  await page.keyboard.press('Enter')
  await expect(notHeld).toHaveText('Ничего не удалено. Чтобы удалить, нажмите кнопку и держите полторы секунды.')
  await screenshot(page, 'russian-panic-click')
  expect(await readdir(join(dataDir, 'vault'))).toContain('sestra.keys')
})
