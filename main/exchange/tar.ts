import { SestraError } from '../../shared/errors'

/*
 * Just enough POSIX ustar to write a bundle any `tar` can list and extract,
 * and to read back exactly what we write (plus directory entries, which a
 * user re-packing a bundle with `tar` may add). Nothing else is accepted:
 * no links, devices or GNU/pax extensions.
 */

export const blockSize = 512
/** Two zero blocks end an archive. */
export const endOfArchive = new Uint8Array(2 * blockSize)
/** `tar` pads archives to 20-block records; more trailing zeros than that is not ours. */
export const maxTrailingZeros = 20 * blockSize

const octalLimit = 8 ** 11

export const paddingFor = (size: number) => (blockSize - (size % blockSize)) % blockSize

function splitPath(path: string): { name: Buffer; prefix: Buffer } {
  const bytes = Buffer.from(path, 'utf8')
  if (bytes.length <= 100) return { name: bytes, prefix: Buffer.alloc(0) }
  // ustar keeps long paths as prefix "/" name, split at a slash.
  for (let at = bytes.indexOf(0x2f); at !== -1; at = bytes.indexOf(0x2f, at + 1)) {
    if (at <= 155 && bytes.length - at - 1 <= 100) {
      return { prefix: bytes.subarray(0, at), name: bytes.subarray(at + 1) }
    }
  }
  throw new SestraError('INTERNAL', 'tar path too long')
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii')
}

/** A regular-file header. Sizes of 8 GiB and more use the base-256 form GNU tar and bsdtar read. */
export function fileHeader(path: string, size: number, mtime: Date): Buffer {
  const header = Buffer.alloc(blockSize)
  const { name, prefix } = splitPath(path)
  name.copy(header, 0)
  writeOctal(header, 100, 8, 0o644)
  writeOctal(header, 108, 8, 0)
  writeOctal(header, 116, 8, 0)
  if (size < octalLimit) writeOctal(header, 124, 12, size)
  else {
    header[124] = 0x80
    header.writeBigUInt64BE(BigInt(size), 128)
  }
  writeOctal(header, 136, 12, Math.floor(mtime.getTime() / 1000))
  header.write('0', 156, 'ascii')
  header.write('ustar\0' + '00', 257, 'ascii')
  prefix.copy(header, 345)
  header.fill(0x20, 148, 156)
  let sum = 0
  for (const byte of header) sum += byte
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii')
  return header
}

export type TarHeader = { kind: 'file'; path: string; size: number } | { kind: 'directory'; path: string } | { kind: 'end' }

const invalid = (detail: string) => new SestraError('BUNDLE_INVALID', detail)

function readOctal(block: Uint8Array, offset: number, length: number): number {
  const field = block.subarray(offset, offset + length)
  if ((field[0]! & 0x80) !== 0) {
    let value = 0n
    for (const byte of field.subarray(1)) value = (value << 8n) | BigInt(byte)
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalid('tar size')
    return Number(value)
  }
  const text = Buffer.from(field).toString('ascii').replace(/[\0 ]+$/, '').replace(/^ +/, '')
  if (!/^[0-7]*$/.test(text)) throw invalid('tar header field')
  return text === '' ? 0 : parseInt(text, 8)
}

function readString(block: Uint8Array, offset: number, length: number): string {
  const field = block.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString('utf8')
}

/** Parses one 512-byte header block; a zero block means the archive ends. */
export function parseHeader(block: Uint8Array): TarHeader {
  if (block.every((b) => b === 0)) return { kind: 'end' }
  let sum = 0
  for (let i = 0; i < blockSize; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!
  if (readOctal(block, 148, 8) !== sum) throw invalid('tar header checksum')
  const magic = Buffer.from(block.subarray(257, 263)).toString('ascii')
  if (magic !== 'ustar\0' && magic !== 'ustar ') throw invalid('not a ustar archive')
  const prefix = readString(block, 345, 155)
  const name = readString(block, 0, 100)
  const path = prefix ? `${prefix}/${name}` : name
  const type = String.fromCharCode(block[156]!)
  if (type === '0' || type === '\0') return { kind: 'file', path, size: readOctal(block, 124, 12) }
  if (type === '5') return { kind: 'directory', path }
  throw invalid('unsupported tar entry type')
}
