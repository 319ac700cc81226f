import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ipcApp } from '../support/ipcApp'
import { pdfPageTexts } from '../support/pdfText'
import { tempDir } from '../support/tempDirs'

async function unlockedApp() {
  const app = await ipcApp()
  const ok = async (name: string, input?: unknown) => {
    const result = await app.call(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.code}`)
    return result.value as { id: string }
  }
  await ok('createVault', { passphrase: 'lawyer card passphrase' })
  return { ...app, ok }
}

describe('lawyer card', () => {
  it('refuses when no speed-dial lawyer has a phone, and writes nothing', async () => {
    const app = await unlockedApp()
    await app.ok('createContact', { name: 'Lawyer Without Speed Dial', roles: ['lawyer'], phones: ['+996 555 000 111'] })
    await app.ok('createContact', { name: 'Speed Dial Journalist', roles: ['journalist'], phones: ['+996 555 000 222'], speedDial: true })
    const out = join(await tempDir('sestra-card-'), 'card.pdf')
    app.dialogs.willSave(out)
    expect(await app.call('saveLawyerCard', { language: 'en' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await expect(stat(out)).rejects.toThrow()
  })

  for (const language of ['en', 'ru'] as const) {
    it(`${language}: the PDF carries the speed-dial lawyer's name and phone and the card's words`, async () => {
      const app = await unlockedApp()
      await app.ok('createContact', { name: 'Асель Адвокатова', roles: ['lawyer'], phones: ['+996 555 123 456', '+996 700 000 001'], speedDial: true })
      await app.ok('createContact', { name: 'Other Lawyer Not On Speed Dial', roles: ['lawyer'], phones: ['+7 900 000 0000'] })
      const out = join(await tempDir('sestra-card-'), 'card.pdf')
      app.dialogs.willSave(out)
      expect(await app.call('saveLawyerCard', { language })).toEqual({ ok: true, value: { saved: true } })

      const pdf = await readFile(out)
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
      expect(((await stat(out)).mode & 0o777).toString(8)).toBe('600')
      const text = (await pdfPageTexts(pdf)).join('\n')
      expect(text).toContain('Асель Адвокатова')
      expect(text).toContain('+996 555 123 456')
      expect(text).toContain('+996 700 000 001')
      expect(text).not.toContain('Other Lawyer')
      expect(text).toContain(language === 'ru' ? 'Мой адвокат' : 'My lawyer')
      expect(text).not.toContain(language === 'ru' ? 'My lawyer' : 'Мой адвокат')
    })
  }

  it('saves nothing when the dialog is cancelled, and never replaces an existing file', async () => {
    const app = await unlockedApp()
    await app.ok('createContact', { name: 'Card Lawyer', roles: ['lawyer'], phones: ['+996 555 123 456'], speedDial: true })
    app.dialogs.willSave(null)
    expect(await app.call('saveLawyerCard', { language: 'en' })).toEqual({ ok: true, value: { saved: false } })

    const existing = join(await tempDir('sestra-card-'), 'taken.pdf')
    await writeFile(existing, 'not a card')
    app.dialogs.willSave(existing)
    expect(await app.call('saveLawyerCard', { language: 'en' })).toMatchObject({ ok: false, code: 'FILE_EXISTS' })
    expect(await readFile(existing, 'utf8')).toBe('not a card')
  })

  it('rejects a language the card is not written in', async () => {
    const app = await unlockedApp()
    expect(await app.call('saveLawyerCard', { language: 'kk' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  })
})
