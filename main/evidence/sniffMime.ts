/**
 * The MIME type from the first bytes of a file, never from its name or from
 * what a caller claims: the type decides how the viewer renders the bytes,
 * and a renamed file must not turn into something the app would run.
 */
export function sniffMime(head: Uint8Array, complete: boolean): string {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength)
  const at = (offset: number, signature: string) =>
    bytes.length >= offset + signature.length && bytes.toString('latin1', offset, offset + signature.length) === signature

  if (at(0, '\x89PNG\r\n\x1a\n')) return 'image/png'
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'image/gif'
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'image/webp'
  if (at(0, 'RIFF') && at(8, 'WAVE')) return 'audio/wav'
  if (at(0, '%PDF-')) return 'application/pdf'
  if (at(4, 'ftyp')) return at(8, 'qt  ') ? 'video/quicktime' : 'video/mp4'
  if (bytes.length >= 4 && bytes.readUInt32BE(0) === 0x1a45dfa3) {
    // Both are EBML; the DocType says which.
    return bytes.subarray(0, 64).includes('webm') ? 'video/webm' : 'video/x-matroska'
  }
  if (at(0, 'OggS')) return 'audio/ogg'
  if (at(0, 'ID3') || isMpegAudioFrame(bytes)) return 'audio/mpeg'
  if (isUtf8Text(bytes, complete)) return 'text/plain'
  return 'application/octet-stream'
}

/** An MPEG-1/2 layer III frame header with no ID3 tag before it. */
function isMpegAudioFrame(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe6) === 0xe2
}

function isUtf8Text(bytes: Buffer, complete: boolean): boolean {
  if (bytes.length === 0) return false
  // A multi-byte character may be cut at the end of a partial head.
  let end = bytes.length
  if (!complete) {
    let back = 0
    while (back < 3 && end - back - 1 >= 0 && ((bytes[end - back - 1] ?? 0) & 0xc0) === 0x80) back++
    const lead = bytes[end - back - 1] ?? 0
    if (lead >= 0xc0) end -= back + 1
  }
  const body = bytes.subarray(0, end)
  // Control characters other than tab, newline, form feed and carriage return mean binary.
  for (const byte of body) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body)
    return true
  } catch {
    return false
  }
}
