import { createHash } from 'node:crypto'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportReport } from '../../main/evidence/report/exportReport'
import type { OpenVault } from '../../main/vault/vault'
import { openTestVault, patterned, piecesOf } from '../support/evidenceVault'
import { pdfPageTexts } from '../support/pdfText'
import { tempDir } from '../support/tempDirs'
import { tinyPng } from '../support/tinyPng'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

async function vaultWithIncidents() {
  const made = await openTestVault()
  open = made.vault
  const { store } = made.vault
  const campaign = store.campaigns.create({ title: 'Шестнадцать дней (тест)' })
  const photo = await store.files.add({ name: 'скриншот-1.png' }, piecesOf(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), patterned(5000)])))
  const notes = await store.files.add({ name: 'comments.txt' }, piecesOf(Buffer.from('Fictional comment text for the test\n')))
  const threat = store.incidents.create({
    title: 'Угрозы в комментариях под листовкой',
    kind: 'threat',
    occurredOn: '2026-11-26',
    campaignId: campaign.id,
    description: 'Вымышленное описание для теста.\nВторая строка.',
    fileIds: [photo.id, notes.id],
  })
  const police = store.incidents.create({ title: 'Police asked to react severely', kind: 'police_action', occurredOn: '2026-11-29', campaignId: campaign.id })
  const outside = store.incidents.create({ title: 'Unrelated earlier incident', kind: 'other', occurredOn: '2025-01-01' })
  return { ...made, campaign, photo, notes, threat, police, outside }
}

describe('evidence report for a reader', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`${language}: dates with the zone named, custody as sentences with hashes, sizes in KB, labels translated, pictures printed`, async () => {
      const { vault, campaign, photo, threat } = await vaultWithIncidents()
      const screenshot = await vault.store.files.add({ name: 'threat-screenshot.png' }, piecesOf(tinyPng))
      vault.store.incidents.update(threat.id, { fileIds: [photo.id, screenshot.id], severity: 'high' })
      const out = await tempDir('sestra-report-')
      const pdfPath = join(out, 'report.pdf')
      await exportReport(vault.store, { pdfPath, manifestPath: join(out, 'manifest.json'), language, recipient: 'UN committee (test)', filter: { campaignId: campaign.id } })
      const pdf = await readFile(pdfPath)
      const text = (await pdfPageTexts(pdf)).join('\n')
      const ru = language === 'ru'

      expect(text).toContain(ru ? '26 нояб. 2026 г.' : '26 Nov 2026')
      expect(text).not.toContain('2026-11-26')
      expect(text).toMatch(/\d{2}:\d{2} UTC/)
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
      // "29 Nov 2026 22:14 UTC: file attached: threat-screenshot.png", and the hashes stay.
      const attached = vault.store.custody.entries('incident', threat.id).find((e) => e.detail.name === 'threat-screenshot.png')!
      const sentence = `${ru ? 'прикреплён файл' : 'file attached'}: threat-screenshot.png`
      expect(text).toMatch(new RegExp(`UTC: ${sentence}`))
      expect(text.replace(/\s/g, '')).toContain(attached.hash)
      expect(text.replace(/\s/g, '')).toContain(screenshot.sha256)
      expect(text).not.toContain('{"')
      // Sizes a person reads: 5,008 bytes are 4.9 KB.
      expect(text).toContain(ru ? '4,9 КБ' : '4.9 KB')
      expect(text).not.toContain('5008 B')
      expect(text).toContain(ru ? 'Тяжесть: высокая' : 'Severity: high')
      // The real PNG is drawn; the disguised one is named as not shown.
      expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
      expect(text).toContain(ru ? 'Изображение не удалось показать' : 'The picture could not be shown')
    })
  }
})

describe('evidence report', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`${language}: the PDF shows the selected incidents, their files' hashes and custody; the manifest matches`, async () => {
      const { vault, campaign, photo, notes, threat, police, outside } = await vaultWithIncidents()
      const out = await tempDir('sestra-report-')
      const pdfPath = join(out, 'report.pdf')
      const manifestPath = join(out, 'manifest.json')
      const result = await exportReport(vault.store, { pdfPath, manifestPath, language, recipient: 'Legal aid (test)', filter: { campaignId: campaign.id } })

      const pdf = await readFile(pdfPath)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(((await stat(pdfPath)).mode & 0o777).toString(8)).toBe('600')
      const text = (await pdfPageTexts(pdf)).join('\n')
      expect(text).toContain(threat.title)
      expect(text).toContain(police.title)
      expect(text).not.toContain(outside.title)
      expect(text).toContain(photo.name)
      expect(text.replace(/\s/g, '')).toContain(photo.sha256)
      expect(text).toContain(language === 'ru' ? 'Отчёт о доказательствах' : 'Evidence report')
      expect(text).toContain(language === 'ru' ? 'Угроза' : 'Threat')

      const manifestBytes = await readFile(manifestPath)
      const manifest = JSON.parse(manifestBytes.toString('utf8'))
      expect(result).toMatchObject({ incidents: 2, files: 2, pdfSha256: sha256(pdf), manifestSha256: sha256(manifestBytes) })
      expect(manifest.report).toEqual({ file: 'report.pdf', sha256: sha256(pdf) })
      expect(manifest.incidents.map((i: { title: string }) => i.title)).toEqual([threat.title, police.title])
      const files = manifest.incidents[0].files as { id: string; sha256: string; size: number }[]
      for (const stored of [photo, notes]) {
        const listed = files.find((f) => f.id === stored.id)!
        expect(listed).toMatchObject({ sha256: stored.sha256, size: stored.size })
        expect(listed.sha256).toBe((await vault.store.files.digest(stored.id)).sha256)
      }
      expect(manifest.incidents[0].custody.map((e: { action: string }) => e.action)).toEqual(['created', 'file_attached', 'file_attached'])

      // The export itself is logged, with the recipient and both hashes.
      const logged = vault.store.custody.entries('incident', threat.id).at(-1)
      expect(logged).toMatchObject({ action: 'exported', detail: { recipient: 'Legal aid (test)', pdfSha256: sha256(pdf), manifestSha256: sha256(manifestBytes) } })
      expect(vault.store.custody.entries('file', photo.id).at(-1)).toMatchObject({ action: 'exported' })
      expect(vault.store.custody.entries('incident', outside.id).map((e) => e.action)).toEqual(['created'])
    })
  }

  it('never replaces an existing file and logs nothing when it cannot write', async () => {
    const { vault, threat } = await vaultWithIncidents()
    const out = await tempDir('sestra-report-')
    await writeFile(join(out, 'manifest.json'), 'mine')
    const attempt = exportReport(vault.store, { pdfPath: join(out, 'report.pdf'), manifestPath: join(out, 'manifest.json') })
    await expect(attempt).rejects.toMatchObject({ code: 'FILE_EXISTS' })
    expect(await readFile(join(out, 'manifest.json'), 'utf8')).toBe('mine')
    await expect(stat(join(out, 'report.pdf'))).rejects.toThrow()
    expect(vault.store.custody.entries('incident', threat.id).map((e) => e.action)).not.toContain('exported')
    await expect(exportReport(vault.store, { pdfPath: 'relative.pdf', manifestPath: join(out, 'm.json') })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })
})
