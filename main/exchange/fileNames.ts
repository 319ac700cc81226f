const maxNameBytes = 100

/**
 * A stored file's name as it appears in a bundle: extractable on Windows,
 * macOS and Linux, never a path, never hidden, at most 100 bytes so the tar
 * header holds it. The bundle keeps the original name in records/files.json.
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(safe)) safe = `_${safe}`
  if (Buffer.byteLength(safe) > maxNameBytes) {
    const dot = safe.lastIndexOf('.')
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : ''
    let stem = ''
    for (const char of safe.slice(0, safe.length - extension.length)) {
      if (Buffer.byteLength(stem + char + extension) > maxNameBytes) break
      stem += char
    }
    safe = stem + extension
  }
  return safe || 'file'
}

export const bundleFilePath = (file: { id: string; name: string }) => `files/${file.id}/${safeFileName(file.name)}`
