import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb } from 'pdf-lib'
import type { Language } from '../../shared/errors'
import { wrap } from '../pdf/wrapText'

export interface CardLawyer {
  name: string
  phones: string[]
}

const text: Record<Language, { title: string; call: string; rights: string; cut: string }> = {
  en: {
    title: 'My lawyer',
    call: 'If I am detained, call my lawyer:',
    rights: 'I will not sign anything or give any statement without my lawyer present.',
    cut: 'Cut along the dashed line and keep the card in your wallet.',
  },
  ru: {
    title: 'Мой адвокат',
    call: 'Если меня задержали, позвоните моему адвокату:',
    rights: 'Без адвоката я ничего не подписываю и не даю никаких показаний.',
    cut: 'Вырежьте карточку по пунктирной линии и носите её в кошельке.',
  },
}

const mm = 72 / 25.4
const a4: [number, number] = [595.28, 841.89]
// ISO/IEC 7810 ID-1, the size of a bank card: it fits every wallet.
const card = { width: 85.6 * mm, height: 54 * mm }
const pageMargin = 40
const padding = 4 * mm

/**
 * One wallet card on an A4 page, printed at 100 %: the lawyers' names and
 * numbers in the chosen language, in Liberation Sans so Cyrillic prints the
 * same everywhere. Nothing else from the vault is on it.
 */
export async function renderLawyerCard(
  lawyers: readonly CardLawyer[],
  language: Language,
  fonts: { regular: Uint8Array; bold: Uint8Array },
): Promise<Uint8Array> {
  const labels = text[language]
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(fonts.regular, { subset: true })
  const bold = await doc.embedFont(fonts.bold, { subset: true })
  doc.setTitle(labels.title)
  doc.setLanguage(language)
  doc.setCreator('Sestra')
  doc.setProducer('Sestra')

  const page = doc.addPage(a4)
  const left = pageMargin
  const top = a4[1] - pageMargin
  page.drawRectangle({
    x: left,
    y: top - card.height,
    width: card.width,
    height: card.height,
    borderColor: rgb(0.4, 0.4, 0.4),
    borderWidth: 0.75,
    borderDashArray: [4, 3],
  })

  const inner = card.width - 2 * padding
  let y = top - padding
  const line = (value: string, font: typeof regular, size: number) => {
    for (const piece of wrap(value, font, size, inner)) {
      y -= size * 1.25
      page.drawText(piece, { x: left + padding, y, size, font, color: rgb(0, 0, 0) })
    }
  }
  line(labels.title, bold, 11)
  y -= 2
  line(labels.call, regular, 7.5)
  for (const lawyer of lawyers) {
    y -= 2
    line(lawyer.name, bold, 9.5)
    line(lawyer.phones.join('   '), bold, 11)
  }
  y -= 2
  line(labels.rights, regular, 6.5)

  page.drawText(labels.cut, { x: left, y: top - card.height - 14, size: 8, font: regular, color: rgb(0.35, 0.35, 0.35) })
  return doc.save()
}
