import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib'
import { canonicalJson } from '../canonicalJson'
import type { ReportData, ReportIncident } from './collect'
import { reportLabels, type ReportLabels } from './labels'

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

  gap(points: number): void {
    this.#y -= points
  }

  /** Headings never sit alone at the foot of a page. */
  keepRoom(points: number): void {
    if (this.#y - points < margin) this.#newPage()
  }
}

/** Breaks at spaces; a word wider than the line (a hash, a URL) breaks anywhere. */
export function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = []
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth
  for (const paragraph of clean(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      const candidate = line ? `${line} ${word}` : word
      if (fits(candidate)) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      let rest = word
      while (!fits(rest)) {
        let cut = rest.length - 1
        while (cut > 1 && !fits(rest.slice(0, cut))) cut--
        lines.push(rest.slice(0, cut))
        rest = rest.slice(cut)
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

/** Tabs and control characters have no glyphs; line breaks are kept as paragraphs. */
const clean = (text: string) =>
  [...text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')].filter((c) => c === '\n' || (c >= ' ' && c !== '\u007f')).join('')

const when = (i: ReportIncident['incident']) =>
  [i.occurredOn, i.occurredTime, i.timeZone].filter((part) => part !== null && part !== '').join(' ')

/**
 * The report for people: cover, timeline, then each incident with its
 * details, files and custody log. Liberation Sans is embedded (subset) so
 * Cyrillic renders the same on every reader.
 */
export async function renderPdf(data: ReportData, fonts: { regular: Uint8Array; bold: Uint8Array }): Promise<Uint8Array> {
  const labels = reportLabels[data.language]
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
  field(labels.generated, data.generatedAt)
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
  data.incidents.forEach((entry, index) => {
    const { incident } = entry
    out.gap(12)
    out.keepRoom(80)
    out.text(`${index + 1}. ${incident.title}`, { font: bold, size: 12 })
    field(labels.occurred, when(incident))
    field(labels.recorded, incident.createdAt)
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
      field(labels.size, `${file.size} B`, 24)
      field(labels.type, file.mime, 24)
      field(labels.modified, file.modifiedAt, 24)
      field(labels.intake, file.createdAt, 24)
    }
    out.gap(4)
    out.text(labels.custody, { font: bold, size: 10 })
    const chains = [{ name: incident.title, entries: entry.custody }, ...entry.files.map((f) => ({ name: f.name, entries: f.custody }))]
    for (const chain of chains) {
      out.text(chain.name, { ...body, indent: 12 })
      for (const e of chain.entries) {
        out.text(`#${e.position}  ${e.at}  ${labels.actions[e.action]}`, { ...body, indent: 24 })
        if (Object.keys(e.detail).length) out.text(canonicalJson(e.detail), { ...small, indent: 36 })
        out.text(`SHA-256 ${e.hash}`, { ...small, indent: 36 })
      }
    }
  })

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
    from || to ? `${from ?? '…'} – ${to ?? '…'}` : '',
  ].filter(Boolean)
  return parts.join('; ') || labels.allIncidents
}
