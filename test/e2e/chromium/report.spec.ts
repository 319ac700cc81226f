import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pdfPageTexts } from '../../support/pdfText'
import { tinyPng } from '../../support/tinyPng'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'

const passphrase = 'correct horse battery staple'

test('the evidence report reads for a lawyer: dates with the zone, custody sentences with hashes, sizes, translated labels, the picture (EN, RU)', async ({ page, harness, dataDir }) => {
  const picture = join(dataDir, 'threat-screenshot.png')
  await writeFile(picture, tinyPng)
  await createVault(page, passphrase)
  await page.getByTestId('nav-evidence').click()
  await page.getByTestId('incident-new').click()
  await page.getByTestId('incident-title').fill('Threat under the leaflet post (test)')
  await page.getByTestId('incident-severity').selectOption('high')
  await page.getByTestId('incident-date').fill('2026-11-26')
  await page.getByTestId('incident-time').fill('21:40')
  await page.getByTestId('incident-zone').fill('Asia/Bishkek')
  await harness.scriptDialogs({ open: [picture] })
  await page.getByTestId('import-files').click()
  await expect(page.getByTestId('import-done')).toHaveText('Files added: 1.')
  await page.getByTestId('originals-keep').click()
  await page.getByTestId('incident-save').click()
  await page.getByTestId('incident-back').click()

  for (const language of ['en', 'ru'] as const) {
    const ru = language === 'ru'
    await page.getByTestId('language-select').selectOption(language)
    // The panel stays open after an export; the report's language follows the UI's.
    if (!(await page.getByTestId('report-language').isVisible())) await page.getByTestId('report-open').click()
    await page.getByTestId('report-language').selectOption(language)
    const pdfPath = join(dataDir, `report-${language}.pdf`)
    await harness.scriptDialogs({ save: pdfPath })
    await page.getByTestId('report-export').click()
    await expect(page.getByTestId('report-done')).toBeVisible()
    await screenshot(page, ru ? 'russian-report-export' : 'report-export-readable')

    const pdf = await readFile(pdfPath)
    const text = (await pdfPageTexts(pdf)).join('\n')
    expect(text).toContain(ru ? '26 нояб. 2026 г. 21:40 (Asia/Bishkek)' : '26 Nov 2026 21:40 (Asia/Bishkek)')
    expect(text).toMatch(new RegExp(`\\d{2}:\\d{2} UTC: ${ru ? 'прикреплён файл' : 'file attached'}: threat-screenshot\\.png`))
    expect(text).toContain(ru ? 'Тяжесть: высокая' : 'Severity: high')
    expect(text).toContain(ru ? `Размер: ${tinyPng.length} Б` : `Size: ${tinyPng.length} B`)
    expect(text).toContain(ru ? 'SHA-256 этой записи' : 'SHA-256 of this entry')
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
    // The manifest stays as machines read it: ISO times, raw sizes.
    const manifest = JSON.parse(await readFile(pdfPath.replace(/\.pdf$/, '.manifest.json'), 'utf8'))
    expect(manifest.incidents[0].files[0]).toMatchObject({ size: tinyPng.length })
    expect(JSON.stringify(manifest)).toMatch(/"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/)
  }
})
