import type { Page } from '@playwright/test'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'

const passphrase = 'correct horse battery staple'

async function newIncident(page: Page, title: string) {
  await page.getByTestId('incident-new').click()
  await page.getByTestId('incident-title').fill(title)
  await page.getByTestId('incident-date').fill('2026-11-26')
}

test('after an import the originals can be deleted, honestly explained, and the choice remembered (EN, RU)', async ({ page, harness, dataDir }) => {
  const folder = join(dataDir, 'downloads')
  await mkdir(folder)
  const originals = [join(folder, 'threat-screenshot.txt'), join(folder, 'voice-note.txt')]
  for (const path of originals) await writeFile(path, `fictional evidence in ${path}`)
  await writeFile(join(folder, 'unrelated.txt'), 'not imported')

  await createVault(page, passphrase)
  await page.getByTestId('nav-evidence').click()
  await newIncident(page, 'Threats after the leaflet post (test)')
  await harness.scriptDialogs({ open: originals })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('import-done')).toHaveText('Files added: 2.')
  await expect(page.getByTestId('originals')).toContainText('The originals of these files (2) are still where they were')
  await expect(page.getByTestId('originals-honest')).toContainText('On an SSD')
  await expect(page.getByTestId('originals-honest')).toContainText('full-disk encryption')
  await screenshot(page, 'import-originals')
  await page.getByTestId('originals-remember').check()
  await page.getByTestId('originals-delete').click()
  await expect(page.getByTestId('originals-outcome')).toHaveText('Originals deleted: 2.')
  expect(await readdir(folder)).toEqual(['unrelated.txt'])

  // Remembered: the next import deletes its originals and says so, in Russian too.
  const next = join(folder, 'second.txt')
  await writeFile(next, 'fictional second piece')
  await page.getByTestId('language-select').selectOption('ru')
  await harness.scriptDialogs({ open: [next] })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('import-done')).toHaveText('Добавлено файлов: 1.')
  await expect(page.getByTestId('originals-outcome')).toHaveText('Удалено оригиналов: 1. Использован запомненный выбор.')
  expect(await readdir(folder)).toEqual(['unrelated.txt'])
  await screenshot(page, 'russian-import-originals')

  // Asked again: the question comes back, in Russian, with the honest note.
  await page.getByTestId('originals-ask-again').click()
  const third = join(folder, 'third.txt')
  await writeFile(third, 'fictional third piece')
  await harness.scriptDialogs({ open: [third] })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('originals-honest')).toContainText('SSD')
  await page.getByTestId('originals-keep').click()
  await expect(page.getByTestId('originals-outcome')).toHaveText('Оригиналы оставлены.')
  expect((await readdir(folder)).sort()).toEqual(['third.txt', 'unrelated.txt'])
})
