import { createHash } from 'node:crypto'
import type { BundleSignature, BundleSummary } from '../../shared/bundle'
import { SestraError } from '../../shared/errors'
import type { StagedFile } from '../store/fileTransfer'
import type { Store } from '../store/records'
import type { DecryptWith } from './ageFiles'
import { inThreadAge, type AgeEngine } from './ageEngine'
import { identifySigner } from './bundleSignature'
import { evidenceTables, IncomingEvidence } from './incomingEvidence'
import { readBundle, type BundleContents, type FileSink, type RecordCheck } from './readBundle'
import { recordChecker } from './rowChecks'

/** On a key present in both: keep the vault's row, or take the bundle's. */
export type MergePreference = 'keep' | 'incoming'

export interface ImportResult {
  summary: BundleSummary
  /** Per table: rows written from the bundle, and rows kept because the vault already had that key. */
  written: Record<string, number>
  kept: Record<string, number>
}

const hashOnly: FileSink = async (_id, pieces) => {
  const hash = createHash('sha256')
  let size = 0
  for await (const piece of pieces) {
    hash.update(piece)
    size += piece.length
  }
  return { size, sha256: hash.digest('hex') }
}

export interface ImportOptions {
  signal?: AbortSignal
  /** Plaintext bytes read so far. */
  onProgress?: (bytes: number) => void
  /** Where age runs; this thread unless the app passes its worker. */
  age?: AgeEngine
  /** The open vault, to name who signed a bundle (its own key or an ally's); without it a signer is unknown. */
  knownSigners?: Pick<Store, 'allies' | 'signingKey'>
  /** The store is the caller's alone and is removed whole on failure (a restore's new vault): the commit may let the event loop turn (`FileTransfer.inTurns`). */
  alone?: boolean
}

async function* metered(plain: AsyncIterable<Uint8Array>, { signal, onProgress }: ImportOptions) {
  let bytes = 0
  for await (const piece of plain) {
    if (signal?.aborted) throw new SestraError('ABORTED')
    yield piece
    bytes += piece.length
    onProgress?.(bytes)
  }
}

export function summarise(contents: BundleContents, knownSigners?: ImportOptions['knownSigners']): BundleSummary {
  const { manifest } = contents
  const signature: BundleSignature = knownSigners
    ? identifySigner(knownSigners, contents.signer)
    : contents.signer === null
      ? { status: 'unsigned' }
      : { status: 'unknown', publicKey: contents.signer }
  return {
    signature,
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    selection: manifest.selection,
    counts: manifest.counts,
    totalBytes: manifest.entries.reduce((sum, e) => sum + e.size, 0),
  }
}

/** Decrypts and checks everything (every hash, the manifest, the end of the stream) and stores nothing. */
export async function verifyBundle(path: string, key: DecryptWith, checkRecords?: RecordCheck, options: ImportOptions = {}): Promise<BundleSummary> {
  return summarise(await readBundle(metered(await (options.age ?? inThreadAge).decryptFile(path, key), options), hashOnly, checkRecords), options.knownSigners)
}

const isConstraint = (error: unknown) => /^SQLITE_CONSTRAINT/.test(String((error as { code?: unknown }).code))

/**
 * Merges a decrypted bundle into the open vault, all or nothing. Every row is
 * checked against the domain schemas as it is read (rowChecks.ts). File bytes
 * are staged hidden while the stream is read and checked to its end; records
 * and files then become visible in one transaction. Any failure discards the
 * staged bytes and leaves the vault as it was.
 */
export async function importStream(
  store: Store,
  plain: AsyncIterable<Uint8Array>,
  prefer: MergePreference = 'keep',
  options: ImportOptions = {},
): Promise<ImportResult> {
  const transfer = store.fileTransfer
  const staged = new Map<string, StagedFile>()
  const evidence = new IncomingEvidence(store)
  const checkRows = recordChecker(store)
  // A stored file's bytes are never replaced, whatever the preference: its records already said whether they match.
  const stageOrHash: FileSink = async (id, pieces) => {
    if (transfer.hasFile(id)) return hashOnly(id, pieces)
    if (staged.has(id)) throw new SestraError('BUNDLE_INVALID', 'a file twice')
    const file = await transfer.stage(pieces)
    staged.set(id, file)
    return file
  }
  try {
    const contents = await readBundle(metered(plain, options), stageOrHash, async (table, rows) => {
      await checkRows(table, rows)
      await evidence.take(table, rows)
    })
    checkRows.finish()
    await evidence.finish()
    const written: Record<string, number> = {}
    const kept: Record<string, number> = {}
    const count = (tally: Record<string, number>, table: string) => (tally[table] = (tally[table] ?? 0) + 1)
    const onConflict = prefer === 'incoming' ? 'replace' : 'keep'
    const writes = function* (): Generator<() => void> {
      // Files first: other rows (attachments, custody) refer to them.
      for (const file of contents.files) {
        const stagedFile = staged.get(file.id)
        if (!stagedFile) {
          count(kept, 'files')
          continue
        }
        const { path: _inBundle, ...row } = file
        yield () => {
          transfer.commit(stagedFile, row)
          count(written, 'files')
        }
      }
      for (const [table, rows] of contents.records) {
        if (table === 'custody') continue
        const merge = evidenceTables.has(table) ? 'keep' : onConflict
        for (const row of rows) yield () => void count(store.tableRows.put(table, row as Record<string, unknown>, merge) ? written : kept, table)
      }
      yield* evidence.writes()
    }
    try {
      if (options.alone) await transfer.inTurns([...staged.values()], writes())
      else await transfer.atomically([...staged.values()], () => {
        for (const write of writes()) write()
      })
      const incoming = contents.records.get('custody')?.length ?? 0
      if (evidence.entries) written.custody = evidence.entries
      if (incoming > evidence.entries) kept.custody = incoming - evidence.entries
    } catch (error) {
      if (error instanceof SestraError) throw error
      if (isConstraint(error)) throw new SestraError('BUNDLE_INVALID', 'records break the vault\'s rules (missing references or invalid values)')
      throw error
    }
    return { summary: summarise(contents, store), written, kept }
  } catch (error) {
    await transfer.discard([...staged.values()])
    throw error
  }
}

export async function importBundle(
  store: Store,
  path: string,
  key: DecryptWith,
  prefer: MergePreference = 'keep',
  options: ImportOptions = {},
): Promise<ImportResult> {
  return importStream(store, await (options.age ?? inThreadAge).decryptFile(path, key), prefer, options)
}
