import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { crc32, deflateSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'

const passphrase = 'correct horse battery staple'

/** A real, decodable PNG of one colour: the viewer must show it, not just load bytes. */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))])
}

/** Two screenshots of a fictional threat, in the test's own output folder. */
async function twoImages(): Promise<[string, string]> {
  const dir = test.info().outputPath('evidence-input')
  await mkdir(dir, { recursive: true })
  const paths: [string, string] = [`${dir}/comment-screenshot.png`, `${dir}/profile-screenshot.png`]
  await writeFile(paths[0], png(64, 40, [200, 40, 40]))
  await writeFile(paths[1], png(32, 32, [40, 40, 200]))
  return paths
}

async function fillIncident(page: Page, title: string) {
  await page.getByTestId('incident-title').fill(title)
  await page.getByTestId('incident-kind').selectOption('call_to_violence')
  await page.getByTestId('incident-severity').selectOption('high')
  await page.getByTestId('incident-date').fill('2026-11-26')
  await page.getByTestId('incident-time').fill('21:40')
  await page.getByTestId('incident-zone').fill('Asia/Bishkek')
  await page.getByTestId('incident-platform').fill('VK')
  await page.getByTestId('incident-url').fill('https://vk.example/wall-1_2')
  await page.getByTestId('incident-perpetrators').fill('Account "patriot_77" (fictional)')
  await page.getByTestId('incident-description').fill('A comment under the leaflet post calls for the activist to be beaten.')
}

test('record an incident with two images, see it on the timeline, view an image, verify and export the PDF report', async ({ page, harness }) => {
  const images = await twoImages()
  await createVault(page, passphrase)
  await page.getByTestId('nav-evidence').click()
  await expect(page.getByTestId('timeline-empty')).toHaveText('No incidents recorded yet.')

  await page.getByTestId('incident-new').click()
  const title = 'Call to violence under the leaflet post'
  await fillIncident(page, title)
  await harness.scriptDialogs({ open: images })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('import-done')).toHaveText('Files added: 2.')
  await expect(page.getByTestId('incident-file-name')).toHaveText(['comment-screenshot.png', 'profile-screenshot.png'])
  await screenshot(page, 'incident-editor')
  await page.getByTestId('incident-save').click()

  // Saved: the editor stays on the stored incident, its chain of custody beside it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByTestId('custody-incident').getByTestId('custody-action')).toHaveText(['Recorded', 'File attached', 'File attached'])
  await page.getByTestId('annotation-text').fill('The comment was deleted two days later; the screenshots are what is left.')
  await page.getByTestId('annotation-add').click()
  await expect(page.getByTestId('annotations').getByRole('listitem')).toHaveCount(1)
  await expect(page.getByTestId('custody-incident').getByTestId('custody-action')).toHaveText(['Recorded', 'File attached', 'File attached', 'Annotated'])

  await page.getByTestId('incident-file').filter({ hasText: 'comment-screenshot.png' }).getByTestId('incident-file-view').click()
  const image = page.getByTestId('viewer-image')
  await expect(image).toBeVisible()
  // Decoded, not just fetched: the vault route served real image bytes under the CSP.
  await expect(image).toHaveJSProperty('naturalWidth', 64)
  await expect(page.getByTestId('custody-file').getByTestId('custody-action')).toHaveText(['Taken into the vault', 'Attached to an incident'])
  await screenshot(page, 'image-viewer')
  await page.getByTestId('viewer-close').click()
  await page.getByTestId('incident-back').click()

  const row = page.getByTestId('timeline-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('timeline-row-title')).toHaveText(title)
  await expect(row.getByTestId('timeline-row-files')).toHaveText('Files: 2')
  await expect(row).toContainText('Call to violence')
  await expect(row).toContainText('21:40 Asia/Bishkek')
  await page.getByTestId('filter-kind').selectOption('detention')
  await expect(page.getByTestId('timeline-empty')).toHaveText('No incident matches these filters.')
  await page.getByTestId('filter-kind').selectOption('call_to_violence')
  await expect(row).toHaveCount(1)
  await screenshot(page, 'evidence-timeline')

  await page.getByTestId('verify-open').click()
  await page.getByTestId('verify-start').click()
  await expect(page.getByTestId('verify-ok')).toContainText('No problems: 2 files')

  await page.getByTestId('report-open').click()
  await expect(page.getByTestId('report-warning')).toContainText('The report is NOT protected')
  const pdfPath = test.info().outputPath('evidence-report.pdf')
  await harness.scriptDialogs({ save: pdfPath })
  await page.getByTestId('report-export').click()
  await expect(page.getByTestId('report-done')).toContainText('Saved. Incidents: 1, files: 2.')
  await screenshot(page, 'report-export')
  expect((await readFile(pdfPath)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const manifest = JSON.parse(await readFile(test.info().outputPath('evidence-report.manifest.json'), 'utf8')) as { incidents: { title: string; files: unknown[] }[] }
  expect(manifest.incidents).toMatchObject([{ title, files: [{}, {}] }])
  expect((await stat(pdfPath)).size).toBeGreaterThan(1000)
})

test('add a whole folder: the files in it and in its subfolder join the incident in one job', async ({ page, harness }) => {
  const folder = test.info().outputPath('evidence-folder')
  await mkdir(`${folder}/night of the raid`, { recursive: true })
  await writeFile(`${folder}/summons.png`, png(16, 16, [90, 90, 90]))
  await writeFile(`${folder}/witness-notes.txt`, 'Fictional notes of a witness.')
  await writeFile(`${folder}/night of the raid/door.png`, png(24, 16, [10, 120, 10]))
  await createVault(page, passphrase)
  await page.getByTestId('nav-evidence').click()
  await page.getByTestId('incident-new').click()
  await fillIncident(page, 'Search of the office')
  await harness.scriptDialogs({ open: [folder] })
  await page.getByTestId('import-folders').click()
  await expect(page.getByTestId('import-done')).toHaveText('Files added: 3.')
  await expect(page.getByTestId('incident-file-name')).toHaveText(['door.png', 'summons.png', 'witness-notes.txt'])
  expect((await harness.recorded()).openDialogs).toEqual(['Add folders to the vault'])
})

test('the evidence locker in Russian', async ({ page, harness }) => {
  const [image] = await twoImages()
  await page.getByTestId('language-select').selectOption('ru')
  await createVault(page, passphrase)
  await page.getByTestId('nav-evidence').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Доказательства')
  await page.getByTestId('incident-new').click()
  await fillIncident(page, 'Призыв к насилию под постом с листовкой')
  await harness.scriptDialogs({ open: [image] })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('import-done')).toHaveText('Добавлено файлов: 1.')
  await page.getByTestId('incident-save').click()
  await expect(page.getByTestId('custody-incident').getByTestId('custody-action')).toHaveText(['Записан', 'Файл приложен'])
  await page.getByTestId('incident-back').click()
  const row = page.getByTestId('timeline-row')
  await expect(row).toContainText('Призыв к насилию')
  await expect(row.getByTestId('timeline-row-files')).toHaveText('Файлов: 1')
  await page.getByTestId('report-open').click()
  await expect(page.getByTestId('report-warning')).toContainText('Отчёт НЕ защищён')
  await expect(page.getByTestId('report-language')).toHaveValue('ru')
  await screenshot(page, 'russian-evidence')
})
