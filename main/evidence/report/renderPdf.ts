import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib'
import type { ReportData } from './collect'
import { reportLabels, type ReportLabels } from './labels'
import { wrap } from '../../pdf/wrapText'
import { custodySentence, formatDay, formatInstant, formatOccurred, formatSize } from './reportFormat'

const pageSize: [number, number] = [595.28, 841.89] // A4
const margin = 50
const width = pageSize[0] - 2 * margin
const grey = rgb(0.35, 0.35, 0.35)

interface Style {
  font: PDFFont
  size: number
  color?: ReturnType<typeof rgb>
  indent?: number
}

/** Lays text out top to bottom, starting a new page when one is full. */
class Writer {
  readonly #doc: PDFDocument
  #page: PDFPage
  #y = 0

  constructor(doc: PDFDocument) {
    this.#doc = doc
    this.#page = this.#newPage()
  }

  #newPage(): PDFPage {
    this.#page = this.#doc.addPage(pageSize)
    this.#y = pageSize[1] - margin
    return this.#page
  }

  text(text: string, style: Style): void {
    const indent = style.indent ?? 0
    for (const line of wrap(text, style.font, style.size, width - indent)) {
      const height = style.size * 1.35
      if (this.#y - height < margin) this.#newPage()
      this.#y -= height
      this.#page.drawText(line, { x: margin + indent, y: this.#y, size: style.size, font: style.font, color: style.color ?? rgb(0, 0, 0) })
    }
  }

  /** A picture scaled to fit the line width and `maxHeight`, never enlarged. */
  image(image: PDFImage, maxHeight: number, indent: number): void {
    const scale = Math.min(1, (width - indent) / image.width, maxHeight / image.height)
    const [w, h] = [image.width * scale, image.height * scale]
    if (this.#y - h < margin) this.#newPage()
    this.#y -= h
    this.#page.drawImage(image, { x: margin + indent, y: this.#y, width: w, height: h })
    this.#y -= 4
  }

  gap(points: number): void {
    this.#y -= points
  }

  /** Headings never sit alone at the foot of a page. */
  keepRoom(points: number): void {
    if (this.#y - points < margin) this.#newPage()
  }
}

const pictureHeight = 260

/** PNG and JPEG are what pdf-lib embeds; a damaged or disguised file is named, not drawn. */
async function embedPicture(doc: PDFDocument, mime: string, bytes: Uint8Array | undefined): Promise<PDFImage | null> {
  if (!bytes) return null
  try {
    if (mime === 'image/png') return await doc.embedPng(bytes)
    if (mime === 'image/jpeg') return await doc.embedJpg(bytes)
  } catch {
    // Not a picture pdf-lib can read: the report says so in words below.
  }
  return null
}

/**
 * The report for people: cover, timeline, then each incident with its
 * details, files and custody log. Liberation Sans is embedded (subset) so
 * Cyrillic renders the same on every reader.
 */
export async function renderPdf(
  data: ReportData,
  fonts: { regular: Uint8Array; bold: Uint8Array },
  /** The bytes of the picture files (PNG, JPEG) by file id, printed beside their hashes. */
  pictures: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Uint8Array> {
  const { language } = data
  const labels = reportLabels[language]
  const when = (incident: ReportData['incidents'][number]['incident']) => formatOccurred(incident, labels, language)
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(fonts.regular, { subset: true })
  const bold = await doc.embedFont(fonts.bold, { subset: true })
  doc.setTitle(labels.title)
  doc.setLanguage(data.language)
  doc.setCreator('Sestra')
  doc.setProducer('Sestra')
  doc.setCreationDate(new Date(data.generatedAt))
  doc.setModificationDate(new Date(data.generatedAt))

  const out = new Writer(doc)
  const body = { font: regular, size: 10 }
  const small = { font: regular, size: 8, color: grey }
  const field = (label: string, value: string | null | undefined, indent = 0) => {
    if (value) out.text(`${label}: ${value}`, { ...body, indent })
  }

  out.text(labels.title, { font: bold, size: 20 })
  out.gap(6)
  field(labels.generated, formatInstant(data.generatedAt, language))
  field(labels.recipient, data.recipient)
  field(labels.selection, describeFilter(data, labels))
  field(labels.incidentsCount, String(data.incidents.length))
  out.gap(4)
  out.text(labels.hashNote, small)

  out.gap(14)
  out.text(labels.timeline, { font: bold, size: 14 })
  out.gap(4)
  for (const { incident } of data.incidents) {
    out.text(`${when(incident)}   ${labels.kinds[incident.kind]}   ${incident.title}`, body)
  }

  out.gap(14)
  out.text(labels.details, { font: bold, size: 14 })
  for (const [index, entry] of data.incidents.entries()) {
    const { incident } = entry
    out.gap(12)
    out.keepRoom(80)
    out.text(`${index + 1}. ${incident.title}`, { font: bold, size: 12 })
    field(labels.occurred, when(incident))
    field(labels.recorded, formatInstant(incident.createdAt, language))
    field(labels.kind, labels.kinds[incident.kind])
    field(labels.severity, labels.severities[incident.severity])
    field(labels.place, incident.place)
    field(labels.platform, incident.platform)
    field(labels.url, incident.url)
    field(labels.perpetrators, [incident.perpetrators, ...entry.perpetrators.map((c) => c.name)].filter(Boolean).join('; '))
    field(labels.witnesses, [incident.witnesses, ...entry.witnesses.map((c) => c.name)].filter(Boolean).join('; '))
    field(labels.people, entry.people.map((p) => p.name).join('; '))
    field(labels.campaign, entry.campaign?.name)
    if (incident.description) {
      out.text(`${labels.description}:`, body)
      out.text(incident.description, { ...body, indent: 12 })
    }
    out.gap(4)
    out.text(labels.files, { font: bold, size: 10 })
    if (entry.files.length === 0) out.text(labels.noFiles, { ...body, indent: 12 })
    for (const file of entry.files) {
      out.text(file.name, { font: bold, size: 10, indent: 12 })
      field('SHA-256', file.sha256, 24)
      field(labels.size, formatSize(file.size, labels, language), 24)
      field(labels.type, file.mime, 24)
      field(labels.modified, file.modifiedAt && formatInstant(file.modifiedAt, language), 24)
      field(labels.intake, formatInstant(file.createdAt, language), 24)
      if (file.mime === 'image/png' || file.mime === 'image/jpeg') {
        const picture = await embedPicture(doc, file.mime, pictures.get(file.id))
        if (picture) {
          out.gap(4)
          out.image(picture, pictureHeight, 24)
          out.text(`${file.name} · SHA-256 ${file.sha256}`, { ...small, indent: 24 })
        } else {
          out.text(labels.pictureMissing, { ...small, indent: 24 })
        }
      }
    }
    out.gap(4)
    out.text(labels.custody, { font: bold, size: 10 })
    const chains = [{ name: incident.title, entries: entry.custody }, ...entry.files.map((f) => ({ name: f.name, entries: f.custody }))]
    for (const chain of chains) {
      out.text(chain.name, { ...body, indent: 12 })
      for (const e of chain.entries) {
        out.text(custodySentence(e, labels, language), { ...body, indent: 24 })
        if (typeof e.detail.sha256 === 'string') out.text(`${labels.fileHash}: ${e.detail.sha256}`, { ...small, indent: 36 })
        out.text(`${labels.entryHash} (#${e.position}): ${e.hash}`, { ...small, indent: 36 })
      }
    }
  }

  const pages = doc.getPages()
  pages.forEach((page, i) => {
    page.drawText(labels.page(i + 1, pages.length), { x: margin, y: margin / 2, size: 8, font: regular, color: grey })
  })
  return doc.save()
}

function describeFilter(data: ReportData, labels: ReportLabels): string {
  const { campaignId, kinds, from, to } = data.filter
  const parts = [
    campaignId ? `${labels.campaign}: ${data.incidents.find((i) => i.campaign?.id === campaignId)?.campaign?.name ?? campaignId}` : '',
    kinds?.length ? `${labels.kind}: ${kinds.map((k) => labels.kinds[k]).join(', ')}` : '',
    from || to ? `${from ? formatDay(from, data.language) : '…'} – ${to ? formatDay(to, data.language) : '…'}` : '',
  ].filter(Boolean)
  return parts.join('; ') || labels.allIncidents
}
