import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { createVault, lock } from '../flows'
import { seedOneOfEach, tour } from '../screenTour'

const passphrase = 'correct horse battery staple'
const languages = ['en', 'ru'] as const

/** Critical and serious axe findings on what is shown now, as "rule: element" lines (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')} ${node.failureSummary ?? ''}`))
}

async function setLanguage(page: Page, language: (typeof languages)[number]): Promise<void> {
  await page.getByTestId('language-select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

for (const language of languages) {
  test(`axe finds nothing critical or serious on any screen (${language})`, async ({ page }) => {
    test.setTimeout(360_000)
    const found: string[] = []
    const check = async (where: string) => {
      for (const line of await seriousViolations(page)) found.push(`${where}: ${line}`)
    }

    await setLanguage(page, language)
    await check('create')
    // The generator's suggestion and an error showing, as a person meets them.
    await page.getByTestId('create-passphrase-generator-suggest').click()
    await page.getByTestId('create-submit').click()
    await check('create with a suggestion and an error')
    await page.getByTestId('restore-offer').click()
    await check('restore')
    await page.getByTestId('restore-back').click()

    await createVault(page, passphrase)
    await seedOneOfEach(page)
    for (const stop of tour) {
      await stop.open(page)
      await check(stop.name)
    }
    // Search results open over whatever screen is shown.
    await page.getByTestId('global-search').fill('Example')
    await expect(page.getByTestId('global-search-hit').first()).toBeVisible()
    await check('search results')
    await page.getByTestId('global-search').press('Escape')

    await lock(page)
    await check('unlock')
    expect(found).toEqual([])
  })
}
