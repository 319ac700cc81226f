import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { basename, isAbsolute } from 'node:path'
import { reportRequest, type ReportRequest, type ReportResult } from '../../../shared/domain/custody'
import { SestraError } from '../../../shared/errors'
import type { Store } from '../../store/records'
import { signatureNamespaces } from '../../store/signingKey'
import { writeNewFile } from '../../newFile'
import { loadFonts } from '../../pdf/loadFonts'
import { collectReport } from './collect'
import { buildManifest } from './manifest'
import { readPictures, wipePictures } from './pictures'

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * Writes the PDF and manifest.json to exactly the two paths the user chose,
 * nowhere else (no temp files: these are the only plaintext Sestra writes),
 * then logs "exported", with the recipient and both hashes, in the custody
 * chain of every incident and file included. A failure removes what it wrote.
 */
export async function exportReport(
  store: Store,
  request: ReportRequest & { pdfPath: string; manifestPath: string },
  signal?: AbortSignal,
): Promise<ReportResult> {
  const { pdfPath, manifestPath } = request
  if (!isAbsolute(pdfPath) || !isAbsolute(manifestPath) || pdfPath === manifestPath) {
    throw new SestraError('INVALID_INPUT', 'report paths')
  }
  const parsed = reportRequest.safeParse(request)
  if (!parsed.success) throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
  const data = collectReport(store, parsed.data)
  // pdf-lib costs a quarter of a second to load: only commands that make a PDF pay for it.
  const { renderPdf } = await import('./renderPdf')
  const pictures = await readPictures(store, data, signal)
  const pdf = await renderPdf(data, await loadFonts(), pictures).finally(() => wipePictures(pictures))
  const pdfSha256 = sha256(pdf)
  const signaturePath = `${manifestPath}.sig`
  const signing = { publicKey: store.signingKey.publicKey(), file: basename(signaturePath) }
  const manifest = Buffer.from(`${JSON.stringify(buildManifest(data, { file: basename(pdfPath), sha256: pdfSha256 }, signing), null, 2)}\n`)
  const manifestSha256 = sha256(manifest)
  const signature = Buffer.from(store.signingKey.sign(signatureNamespaces.report, manifest), 'utf8')
  const written: string[] = []
  try {
    if (signal?.aborted) throw new SestraError('ABORTED')
    await writeNewFile(pdfPath, pdf)
    written.push(pdfPath)
    await writeNewFile(manifestPath, manifest)
    written.push(manifestPath)
    await writeNewFile(signaturePath, signature)
    written.push(signaturePath)
    if (signal?.aborted) throw new SestraError('ABORTED')
    const detail = { recipient: data.recipient, language: data.language, format: 'pdf+manifest', pdfSha256, manifestSha256 }
    store.transaction(() => {
      for (const { incident, files } of data.incidents) {
        store.custody.append('incident', incident.id, 'exported', detail)
        for (const file of files) store.custody.append('file', file.id, 'exported', { ...detail, incidentId: incident.id })
      }
    })
  } catch (error) {
    await Promise.all(written.map((path) => rm(path, { force: true })))
    throw error
  }
  const files = new Set(data.incidents.flatMap((i) => i.files.map((f) => f.id)))
  return { pdfPath, manifestPath, signaturePath, pdfSha256, manifestSha256, incidents: data.incidents.length, files: files.size }
}
