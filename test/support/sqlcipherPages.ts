import { createDecipheriv } from 'node:crypto'
import { readFileSync } from 'node:fs'

/*
 * Reads SQLCipher 4 pages with the raw data key, the way a forensic examiner
 * holding the key could: AES-256-CBC per page, the IV in the page's reserved
 * tail (16 bytes IV + 64 bytes HMAC), page 1 starting after the 16-byte salt.
 * Used to find which pages hold one table's rows, so a test can damage
 * exactly one of them.
 */

const pageSize = 4096
const reserve = 80

function decryptPage(file: Buffer, key: Buffer, pgno: number): { bytes: Buffer; base: number } {
  const page = file.subarray((pgno - 1) * pageSize, pgno * pageSize)
  const base = pgno === 1 ? 16 : 0
  const decipher = createDecipheriv('aes-256-cbc', key, page.subarray(pageSize - reserve, pageSize - reserve + 16))
  decipher.setAutoPadding(false)
  return { bytes: Buffer.concat([decipher.update(page.subarray(base, pageSize - reserve)), decipher.final()]), base }
}

function varint(bytes: Buffer, at: number): { value: number; next: number } {
  let value = 0
  for (let i = 0; i < 9; i++) {
    const byte = bytes[at + i]!
    if (i === 8) return { value: value * 256 + byte, next: at + 9 }
    value = value * 128 + (byte & 0x7f)
    if (byte < 0x80) return { value, next: at + i + 1 }
  }
  throw new Error('unreachable')
}

export interface LeafPage {
  pgno: number
  /** The rowids on this page (table B-trees only). */
  rowids: number[]
}

/** The leaf pages of the B-tree rooted at `root`, in key order. */
export function leafPages(dbPath: string, key: Buffer, root: number): LeafPage[] {
  const file = readFileSync(dbPath)
  const leaves: LeafPage[] = []
  const walk = (pgno: number) => {
    const { bytes, base } = decryptPage(file, key, pgno)
    const header = (pgno === 1 ? 100 : 0) - base
    const type = bytes[header]!
    const cells = bytes.readUInt16BE(header + 3)
    const interior = type === 0x05 || type === 0x02
    const pointers = header + (interior ? 12 : 8)
    const cellAt = (i: number) => bytes.readUInt16BE(pointers + 2 * i) - base
    if (interior) {
      for (let i = 0; i < cells; i++) walk(bytes.readUInt32BE(cellAt(i)))
      walk(bytes.readUInt32BE(header + 8))
    } else {
      const rowids = type === 0x0d ? Array.from({ length: cells }, (_, i) => varint(bytes, varint(bytes, cellAt(i)).next).value) : []
      leaves.push({ pgno, rowids })
    }
  }
  walk(root)
  return leaves
}
