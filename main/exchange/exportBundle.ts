import { createHash } from 'node:crypto'
import { version as appVersion } from '../../package.json'
import {
  bundleFormat,
  bundleSelection,
  bundleFormatVersion,
  manifestPath,
  manifestSignaturePath,
  type BundleManifest,
  type BundleSelection,
  type ManifestEntry,
} from '../../shared/bundle'
import { SestraError } from '../../shared/errors'
import type { Store } from '../store/records'
import { signatureNamespaces } from '../store/signingKey'
import type { Row } from '../store/tableRows'
import type { EncryptTo } from './ageFiles'
import { inThreadAge, type AgeEngine } from './ageEngine'
import { bundleFilePath } from './fileNames'
import { exportingTo } from './exportFolders'
import { selectRows } from './selection'
import { endOfArchive, fileHeader, paddingFor } from './tar'

export interface ExportProgress {
  /** Plaintext bytes of entries written so far, and in all. */
  done: number
  total: number
}

export interface ExportOptions {
  selection: BundleSelection
  to: EncryptTo
  /** Where the user chose to write; nothing is written anywhere else. */
  out: string
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
  now?: Date
  /** Where age runs; this thread unless the app passes its worker. */
  age?: AgeEngine
}

export interface ExportResult {
  bytes: number
  counts: Record<string, number>
}

interface Entry extends ManifestEntry {
  content: () => AsyncIterable<Uint8Array>
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function* once(bytes: Uint8Array) {
  yield bytes
}

/** JSON for people as much as for programs: indented, one record per block. */
const jsonBytes = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8')

/**
 * The manifest goes first, so it can list every hash: records (every row of
 * every data table, as stored) are serialised up front, they are small; file
 * hashes come from the database, where they were computed at intake. Each file is hashed again as it streams out,
 * and a mismatch stops the export rather than ship bytes that do not match.
 */
function planEntries(store: Store, selection: BundleSelection, now: Date) {
  const selected = selectRows(store, selection)
  const files = (selected.get('files') ?? []) as (Row & { id: string; name: string; size: number; sha256: string })[]
  const counts: Record<string, number> = {}
  const entries: Entry[] = []
  const addJson = (path: string, value: unknown) => {
    const bytes = jsonBytes(value)
    entries.push({ path, size: bytes.length, sha256: sha256(bytes), content: () => once(bytes) })
  }
  for (const [table, rows] of selected) {
    counts[table] = rows.length
    addJson(`records/${table}.json`, table === 'files' ? files.map((f) => ({ ...f, path: bundleFilePath(f) })) : rows)
  }
  for (const file of files) {
    entries.push({
      path: bundleFilePath(file),
      size: file.size,
      sha256: file.sha256,
      content: () => checkedFile(store, file),
    })
  }
  const manifest: BundleManifest = {
    format: bundleFormat,
    formatVersion: bundleFormatVersion,
    appVersion,
    createdAt: now.toISOString(),
    selection: bundleSelection.parse(selection),
    counts,
    entries: entries.map(({ path, size, sha256 }) => ({ path, size, sha256 })),
  }
  return { manifest, entries }
}

/**
 * A stored file as it goes into the bundle, hashed on the way. Its pieces are
 * lent (reused once the next is asked for): the tar stream passes them on and
 * the payload encryptor copies each one before asking for more.
 */
async function* checkedFile(store: Store, file: { id: string; size: number; sha256: string }) {
  const hash = createHash('sha256')
  let size = 0
  for await (const piece of store.files.read(file.id, true)) {
    hash.update(piece)
    size += piece.length
    yield piece
  }
  if (size !== file.size || hash.digest('hex') !== file.sha256) throw new SestraError('CORRUPT_DATABASE', `file ${file.id}`)
}

async function* tarStream(entries: Entry[], mtime: Date, progress: (bytes: number) => void, signal?: AbortSignal) {
  for (const entry of entries) {
    yield fileHeader(entry.path, entry.size, mtime)
    for await (const piece of entry.content()) {
      if (signal?.aborted) throw new SestraError('ABORTED')
      yield piece
      progress(piece.length)
    }
    const padding = paddingFor(entry.size)
    if (padding) yield new Uint8Array(padding)
  }
  yield endOfArchive
}

/** Writes the selection as one `.age` file; see docs/BUNDLE.md for what is inside. */
export async function exportBundle(store: Store, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? new Date()
  const { manifest, entries } = planEntries(store, options.selection, now)
  const manifestBytes = jsonBytes(manifest)
  const signature = Buffer.from(store.signingKey.sign(signatureNamespaces.bundle, manifestBytes), 'utf8')
  const all: Entry[] = [
    { path: manifestPath, size: manifestBytes.length, sha256: sha256(manifestBytes), content: () => once(manifestBytes) },
    { path: manifestSignaturePath, size: signature.length, sha256: sha256(signature), content: () => once(signature) },
    ...entries,
  ]
  const total = all.reduce((sum, e) => sum + e.size, 0)
  let done = 0
  options.onProgress?.({ done, total })
  const report = (bytes: number) => {
    done += bytes
    options.onProgress?.({ done, total })
  }
  const { encryptToFile } = options.age ?? inThreadAge
  const { bytes } = await exportingTo(options.out, () =>
    encryptToFile(tarStream(all, now, report, options.signal), options.to, options.out, options.signal),
  )
  return { bytes, counts: manifest.counts }
}
