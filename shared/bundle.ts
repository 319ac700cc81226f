import { z } from 'zod'
import { recordId } from './domain/common'

/*
 * The plaintext inside a Sestra `.age` bundle (docs/BUNDLE.md): a POSIX tar
 * stream whose first entry is `manifest.json`, followed by `records/*.json`
 * and `files/<id>/<name>`. The manifest lists every other entry with its
 * size and SHA-256; readers check each against it.
 */

export const bundleFormat = 'sestra-bundle'
/** Raise when a reader of the previous version could misread a new bundle. */
export const bundleFormatVersion = 1

export const manifestPath = 'manifest.json'

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
/** Record files are named for SQL tables: nothing that could leave `records/`. */
export const recordsEntry = /^records\/([a-z][a-z0-9_]{0,63})\.json$/
/** One plain name under a file id: no separators, no `.`/`..`, no control characters. */
export const filesEntry = new RegExp(`^files/(${uuid})/(?![.]{1,2}$)[^/\\\\\\u0000-\\u001f\\u007f]{1,255}$`)

export const isSafeEntryPath = (path: string) => recordsEntry.test(path) || filesEntry.test(path)

export const bundleSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('vault') }),
  z.object({
    kind: z.literal('records'),
    campaigns: z.array(recordId).max(1000),
    incidents: z.array(recordId).max(10_000),
  }),
])
export type BundleSelection = z.output<typeof bundleSelection>

export const manifestEntry = z.object({
  path: z.string().max(400),
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ManifestEntry = z.output<typeof manifestEntry>

/** Read first, alone, so a newer bundle is refused by name rather than as "invalid". */
export const manifestVersion = z.object({ format: z.literal(bundleFormat), formatVersion: z.number().int().min(1) })

export const bundleManifest = z.object({
  format: z.literal(bundleFormat),
  formatVersion: z.literal(bundleFormatVersion),
  appVersion: z.string().max(64),
  createdAt: z.iso.datetime(),
  selection: bundleSelection,
  /** Rows per table (the length of each `records/<table>.json` array). */
  counts: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), z.number().int().min(0)),
  entries: z.array(manifestEntry).max(1_000_000),
})
export type BundleManifest = z.output<typeof bundleManifest>

/**
 * `records/files.json`: each row of the vault's `files` table as stored, plus
 * where its bytes are in the bundle. Only what the reader checks is typed
 * here; the other columns go to the database as they are.
 */
export const bundleFileRecord = z.looseObject({
  id: recordId,
  size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: z.string().max(400),
})
export type BundleFileRecord = z.output<typeof bundleFileRecord>

/** What a bundle holds, shown before the user restores or merges it. */
export interface BundleSummary {
  formatVersion: number
  appVersion: string
  createdAt: string
  selection: BundleSelection
  counts: Record<string, number>
  totalBytes: number
}
