import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib'

/**
 * The text drawn on each page, decoded through each font's ToUnicode map:
 * what a reader would copy out of the PDF. Enough for pdf-lib's own output
 * (hex strings shown with Tj), not a general extractor.
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes)
  const resolve = (o: PDFObject | undefined) => (o instanceof PDFRef ? doc.context.lookup(o) : o)
  const streamText = (o: PDFObject | undefined) => Buffer.from(decodePDFRawStream(resolve(o) as PDFRawStream).decode()).toString('latin1')
  return doc.getPages().map((page) => {
    const fonts = new Map<string, Map<string, string>>()
    const fontDict = resolve((resolve(page.node.get(PDFName.of('Resources'))) as PDFDict).get(PDFName.of('Font'))) as PDFDict
    for (const [name, ref] of fontDict.entries()) {
      fonts.set(name.asString(), toUnicodeMap(streamText((resolve(ref) as PDFDict).get(PDFName.of('ToUnicode')))))
    }
    const contents = resolve(page.node.get(PDFName.of('Contents')))
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents]
    const lines: string[] = []
    let font = new Map<string, string>()
    for (const content of streams) {
      for (const m of streamText(content).matchAll(/(\/[^\s/]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj/g)) {
        if (m[1]) font = fonts.get(m[1]) ?? new Map()
        else lines.push((m[2]!.match(/.{4}/g) ?? []).map((gid) => font.get(gid.toUpperCase()) ?? '\uFFFD').join(''))
      }
    }
    return lines.join('\n')
  })
}

function toUnicodeMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>()
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le')
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(src!.toUpperCase(), utf16(dst!))
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(dst!, 16)
      for (let code = parseInt(lo!, 16); code <= parseInt(hi!, 16); code++) {
        map.set(code.toString(16).toUpperCase().padStart(4, '0'), String.fromCodePoint(base + code - parseInt(lo!, 16)))
      }
    }
  }
  return map
}
