import { expect, type Page } from '@playwright/test'
import { expectNewRenderer } from './renderer'
import { screenshot } from './screenshot'

export async function createVault(page: Page, passphrase: string, shot = false): Promise<void> {
  await expect(page.getByTestId('create-warning')).toBeVisible()
  await page.getByTestId('create-passphrase').fill(passphrase)
  await page.getByTestId('create-repeat').fill(passphrase)
  if (shot) await screenshot(page, 'create')
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
}

export async function unlock(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
}

/** Locks from the UI: main replaces the renderer, and the new one shows the unlock screen. */
export async function lock(page: Page): Promise<void> {
  await expectNewRenderer(page, () => page.getByTestId('lock-button').click())
  await expect(page.getByTestId('unlock-passphrase')).toBeVisible()
}

export async function attemptUnlock(page: Page, passphrase: string): Promise<void> {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
}
