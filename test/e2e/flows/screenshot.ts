import { test, type Page } from '@playwright/test'
import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'

const screenshotDir = resolve(import.meta.dirname, '../../../test-results/screenshots')

/** test-results/screenshots/<name>.png; other projects than chromium prefix their name. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const project = test.info().project.name
  await mkdir(screenshotDir, { recursive: true })
  const file = project === 'chromium' ? `${name}.png` : `${project}-${name}.png`
  await page.screenshot({ path: resolve(screenshotDir, file), fullPage: true })
}
