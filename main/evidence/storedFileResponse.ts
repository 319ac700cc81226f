import type { FileRecord } from '../../shared/domain/file'
import { viewerKind } from '../../shared/evidence/viewerKind'
import type { FileStore } from '../store/files'

export interface StoredFileResponse {
  status: 200 | 206 | 404 | 405 | 416
  headers: Record<string, string>
  /** Null for HEAD, errors and empty files; otherwise the plaintext bytes, straight from the vault. */
  body: AsyncIterable<Uint8Array> | null
}

const baseHeaders = {
  'Accept-Ranges': 'bytes',
  // Plaintext must never land in Chromium's disk cache.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | null

/**
 * One `bytes=` range of RFC 9110 (`a-b`, `a-`, `-n`). Null means "serve the
 * whole file": no header, a syntax we do not know, or several ranges (a
 * server may ignore Range, and players ask for one at a time).
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange {
  const match = header?.trim().match(/^bytes=(\d*)-(\d*)$/)
  if (!match || (match[1] === '' && match[2] === '')) return null
  const [first, last] = [match[1] ?? '', match[2] ?? '']
  if (first === '') {
    const suffix = Number(last)
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(size - suffix, 0), end: size - 1 }
  }
  const start = Number(first)
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  if (last !== '' && Number(last) < start) return null
  if (start >= size) return 'unsatisfiable'
  return { start, end }
}

/**
 * Turns a request for a stored file into status, headers and a body stream,
 * for both the Electron protocol handler (`new Response(body &&
 * ReadableStream.from(body), { status, headers })`) and the test harness
 * (`res.writeHead(status, headers); Readable.from(body).pipe(res)`).
 */
export function storedFileResponse(
  files: Pick<FileStore, 'readRange'>,
  file: FileRecord,
  request: { method?: string; range?: string | null },
): StoredFileResponse {
  const method = (request.method ?? 'GET').toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, headers: { ...baseHeaders, Allow: 'GET, HEAD' }, body: null }
  // Anything the viewer cannot show goes out only as a download ("save a copy").
  const inline = viewerKind(file.mime) !== 'none'
  const headers: Record<string, string> = {
    ...baseHeaders,
    'Content-Type': !inline ? 'application/octet-stream' : file.mime === 'text/plain' ? 'text/plain; charset=utf-8' : file.mime,
    // No scripts, no fetches, whatever the bytes turn out to be.
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
  }
  if (!inline) headers['Content-Disposition'] = 'attachment'
  const range = parseRange(request.range, file.size)
  if (range === 'unsatisfiable') {
    return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${file.size}`, 'Content-Length': '0' }, body: null }
  }
  const { start, end } = range ?? { start: 0, end: file.size - 1 }
  const length = end - start + 1
  headers['Content-Length'] = String(Math.max(length, 0))
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${file.size}`
  const body = method === 'HEAD' || length <= 0 ? null : files.readRange(file.id, start, end)
  return { status: range ? 206 : 200, headers, body }
}
