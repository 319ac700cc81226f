import type { PDFFont } from 'pdf-lib'

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
