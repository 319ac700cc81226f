import { createHash } from 'node:crypto'
import {
  bundleFileRecord,
  bundleFormatVersion,
  bundleManifest,
  filesEntry,
  isSafeEntryPath,
  manifestPath,
  manifestSignaturePath,
  manifestVersion,
  recordsEntry,
  type BundleFileRecord,
  type BundleManifest,
  type ManifestEntry,
} from '../../shared/bundle'
import { SestraError } from '../../shared/errors'
import { verifySsh } from '../signing/sshsig'
import { signatureNamespaces } from '../store/signingKey'
import { ByteReader } from './byteReader'
import { blockSize, maxTrailingZeros, paddingFor, parseHeader, type TarHeader } from './tar'
import { nextTurn } from '../nextTurn'

/** Records are parsed whole; files never are. These bound what a hostile bundle can make us hold. */
const maxManifestBytes = 64 * 1024 * 1024
const maxRecordsBytes = 256 * 1024 * 1024
/** An armored Ed25519 SSH signature is under 400 bytes. */
const maxSignatureBytes = 4096

export interface FileSink {
  /** Consumes one file's bytes (stores or just hashes them) and reports what it saw; a piece is valid only until the next is asked for. */
  (id: string, pieces: AsyncIterable<Uint8Array>): Promise<{ size: number; sha256: string }>
}

/** Checks the rows of one `records/<table>.json` as soon as it is read; throws to refuse the bundle. */
export type RecordCheck = (table: string, rows: unknown[]) => void | Promise<void>

export interface BundleContents {
  manifest: BundleManifest
  /** Table -> the parsed rows (files apart), checked by the reader's RecordCheck if one was given. */
  records: Map<string, unknown[]>
  files: BundleFileRecord[]
  /** The key (`ssh-ed25519 ...`) whose good signature of manifest.json came with it; null when unsigned. */
  signer: string | null
}

const invalid = (detail: string) => new SestraError('BUNDLE_INVALID', detail)
/** Names a failing entry without echoing a file name (content) or attacker-chosen bytes. */
const describe = (path: string) => {
  const id = filesEntry.exec(path)?.[1]
  return id ? `files/${id}` : path
}

async function nextHeader(reader: ByteReader): Promise<TarHeader> {
  const block = await reader.read(blockSize)
  if (block.length < blockSize) throw invalid('archive cut short')
  return parseHeader(block)
}

async function skipPadding(reader: ByteReader, size: number): Promise<void> {
  const padding = paddingFor(size)
  if ((await reader.read(padding)).length < padding) throw invalid('archive cut short')
}

function parseJson(bytes: Buffer, path: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw invalid(path)
  }
}

async function readManifest(reader: ByteReader): Promise<{ manifest: BundleManifest; bytes: Buffer }> {
  const first = await nextHeader(reader)
  if (first.kind !== 'file' || first.path.replace(/^\.\//, '') !== manifestPath) throw invalid('manifest.json must come first')
  if (first.size > maxManifestBytes) throw new SestraError('BUNDLE_OVERSIZED', manifestPath)
  const bytes = await reader.read(first.size)
  if (bytes.length < first.size) throw invalid('archive cut short')
  await skipPadding(reader, first.size)
  const json = parseJson(bytes, manifestPath)
  const version = manifestVersion.safeParse(json)
  if (!version.success) throw invalid(manifestPath)
  if (version.data.formatVersion > bundleFormatVersion) throw new SestraError('BUNDLE_NEWER_VERSION')
  const parsed = bundleManifest.safeParse(json)
  if (!parsed.success) throw invalid(manifestPath)
  const paths = new Set<string>()
  parsed.data.entries.forEach((entry, index) => {
    if (!isSafeEntryPath(entry.path)) throw new SestraError('BUNDLE_UNSAFE_PATH', `manifest entry ${index + 1}`)
    if (paths.has(entry.path)) throw invalid(`manifest entry ${index + 1} repeated`)
    paths.add(entry.path)
  })
  return { manifest: parsed.data, bytes }
}

/**
 * The signature, if the entry after the manifest is one. A signature that is
 * there but does not verify refuses the bundle: the manifest was changed.
 */
async function readSignature(reader: ByteReader, header: TarHeader, manifest: Buffer): Promise<string | null> {
  if (header.kind !== 'file' || header.path.replace(/^\.\//, '') !== manifestSignaturePath) return null
  if (header.size > maxSignatureBytes) throw new SestraError('BUNDLE_OVERSIZED', manifestSignaturePath)
  const bytes = await reader.read(header.size)
  if (bytes.length < header.size) throw invalid('archive cut short')
  await skipPadding(reader, header.size)
  const signer = verifySsh(bytes.toString('utf8'), signatureNamespaces.bundle, manifest)
  if (signer === null) throw invalid(manifestSignaturePath)
  return signer
}

const isBundleDirectory = (path: string) => /^(records|files|files\/[0-9a-f-]{36})\/?$/.test(path.replace(/^\.\//, ''))

/**
 * Reads the decrypted tar stream to its very end: age authenticates the last
 * chunk only when the stream ends, so nothing read here may be committed
 * before this returns. Every entry must be listed in the manifest with the
 * same size and SHA-256, each exactly once, and nothing may follow the
 * archive but tar's zero padding. Records come before files in a bundle, so
 * `checkRecords` refuses bad rows before any file's bytes reach `fileSink`.
 */
export async function readBundle(plain: AsyncIterable<Uint8Array>, fileSink: FileSink, checkRecords?: RecordCheck): Promise<BundleContents> {
  const reader = new ByteReader(plain)
  try {
    return await readEntries(reader, fileSink, checkRecords)
  } finally {
    // Refused part way, the decrypting source must still close its file and zero its key.
    await reader.close()
  }
}

async function readEntries(reader: ByteReader, fileSink: FileSink, checkRecords?: RecordCheck): Promise<BundleContents> {
  const { manifest, bytes: manifestBytes } = await readManifest(reader)
  // The manifest and each table of records arrive in one piece of plaintext, and their checks are long: the event loop turns between them.
  await nextTurn()
  const expected = new Map<string, ManifestEntry>(manifest.entries.map((e) => [e.path, e]))
  const records = new Map<string, unknown[]>()
  const seen = new Set<string>()
  let index = 1
  let header = await nextHeader(reader)
  const signer = await readSignature(reader, header, manifestBytes)
  if (signer !== null) [header, index] = [await nextHeader(reader), index + 1]
  for (; header.kind !== 'end'; header = await nextHeader(reader), index++) {
    if (header.kind === 'directory') {
      if (isBundleDirectory(header.path)) continue
      throw new SestraError(/(^|\/)\.\.(\/|$)|^\//.test(header.path) ? 'BUNDLE_UNSAFE_PATH' : 'BUNDLE_OVERSIZED', `entry ${index + 1}`)
    }
    const path = header.path.replace(/^\.\//, '')
    if (/(^|\/)\.\.(\/|$)|^\/|\\/.test(path)) throw new SestraError('BUNDLE_UNSAFE_PATH', `entry ${index + 1}`)
    const entry = expected.get(path)
    if (!entry) throw new SestraError('BUNDLE_OVERSIZED', `entry ${index + 1} is not in the manifest`)
    if (seen.has(path)) throw invalid(`${describe(path)} repeated`)
    seen.add(path)
    if (header.size > entry.size) throw new SestraError('BUNDLE_OVERSIZED', describe(path))
    if (header.size < entry.size) throw invalid(describe(path))
    const recordType = recordsEntry.exec(path)?.[1]
    let got: { size: number; sha256: string }
    if (recordType) {
      if (entry.size > maxRecordsBytes) throw new SestraError('BUNDLE_OVERSIZED', path)
      const bytes = await reader.read(entry.size)
      got = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
      if (got.size === entry.size && got.sha256 === entry.sha256) {
        const value = parseJson(bytes, path)
        if (!Array.isArray(value)) throw invalid(path)
        await checkRecords?.(recordType, value)
        records.set(recordType, value)
        await nextTurn()
      }
    } else {
      got = await fileSink(filesEntry.exec(path)![1]!, reader.pieces(entry.size))
    }
    if (got.size < entry.size) throw invalid('archive cut short')
    if (got.sha256 !== entry.sha256) throw invalid(describe(path))
    await skipPadding(reader, entry.size)
  }
  const missing = manifest.entries.find((e) => !seen.has(e.path))
  if (missing) throw invalid(`${describe(missing.path)} missing`)
  const rest = await reader.drain(maxTrailingZeros)
  if (!rest.allZero || rest.bytes > maxTrailingZeros) throw new SestraError('BUNDLE_OVERSIZED', 'data after the archive')
  return { manifest, records, files: checkFileRecords(manifest, records), signer }
}

/** records/files.json must describe exactly the files in the manifest, hash for hash. */
function checkFileRecords(manifest: BundleManifest, records: Map<string, unknown[]>): BundleFileRecord[] {
  const fileEntries = manifest.entries.filter((e) => filesEntry.test(e.path))
  const files = (records.get('files') ?? []).map((item) => {
    const parsed = bundleFileRecord.safeParse(item)
    if (!parsed.success) throw invalid('records/files.json')
    return parsed.data
  })
  records.delete('files')
  const byPath = new Map(fileEntries.map((e) => [e.path, e]))
  const ids = new Set<string>()
  for (const file of files) {
    const entry = byPath.get(file.path)
    const idInPath = filesEntry.exec(file.path)?.[1]
    if (!entry || entry.size !== file.size || entry.sha256 !== file.sha256 || idInPath !== file.id || ids.has(file.id)) {
      throw invalid('records/files.json')
    }
    ids.add(file.id)
  }
  if (ids.size !== fileEntries.length) throw invalid('records/files.json')
  for (const [table, items] of [...records, ['files', files] as const]) {
    if (manifest.counts[table] !== items.length) throw invalid(`count of ${table}`)
  }
  if (Object.keys(manifest.counts).some((table) => table !== 'files' && !records.has(table))) throw invalid('counts')
  return files
}
