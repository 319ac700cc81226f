import { endOfArchive, fileHeader, paddingFor } from '../../main/exchange/tar'

export interface TarEntry {
  path: string
  data: Buffer
}

/** The plaintext entries of a bundle, to be tampered with. */
export function parseTar(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = []
  for (let at = 0; tar[at] !== 0; ) {
    const path = tar.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '')
    const size = parseInt(tar.subarray(at + 124, at + 136).toString('ascii'), 8)
    entries.push({ path, data: Buffer.from(tar.subarray(at + 512, at + 512 + size)) })
    at += 512 + size + paddingFor(size)
  }
  return entries
}

export function makeTar(entries: TarEntry[], trailer: Buffer = Buffer.from(endOfArchive)): Buffer {
  const parts: Buffer[] = []
  for (const e of entries) parts.push(fileHeader(e.path, e.data.length, new Date()), e.data, Buffer.alloc(paddingFor(e.data.length)))
  return Buffer.concat([...parts, trailer])
}
