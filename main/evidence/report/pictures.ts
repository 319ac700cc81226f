import type { Store } from '../../store/records'
import type { ReportData } from './collect'

// Larger pictures stay listed with their hash but are not printed: a report is not an archive.
const maxPictureBytes = 20 * 1024 * 1024
const printable = new Set(['image/png', 'image/jpeg'])

/**
 * The bytes of the report's pictures, read from their encrypted blobs into
 * memory only (never a temp file); the caller zeroes them once the PDF is made.
 */
export async function readPictures(store: Store, data: ReportData, signal?: AbortSignal): Promise<Map<string, Uint8Array>> {
  const pictures = new Map<string, Uint8Array>()
  for (const file of data.incidents.flatMap((i) => i.files)) {
    if (!printable.has(file.mime) || file.size > maxPictureBytes || pictures.has(file.id)) continue
    const pieces: Uint8Array[] = []
    for await (const piece of store.files.read(file.id)) {
      if (signal?.aborted) break
      pieces.push(piece)
    }
    const bytes = Buffer.concat(pieces)
    for (const piece of pieces) piece.fill(0)
    pictures.set(file.id, bytes)
  }
  return pictures
}

export function wipePictures(pictures: Map<string, Uint8Array>): void {
  for (const bytes of pictures.values()) bytes.fill(0)
  pictures.clear()
}
