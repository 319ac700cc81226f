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
/** An SSH signature (namespace `sestra-bundle`) of manifest.json by the vault that wrote it; right after it, outside its list. */
export const manifestSignaturePath = 'manifest.json.sig'

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
    /** Contact cards: the contact alone. Absent in bundles written before cards existed. */
    contacts: z.array(recordId).max(10_000).default([]),
  }),
])
export type BundleSelection = z.input<typeof bundleSelection>

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

/** Who signed a bundle's manifest: a known ally, this vault itself, a key this vault does not know, or nobody. */
export type BundleSignature =
  | { status: 'unsigned' }
  | { status: 'unknown'; publicKey: string }
  | { status: 'this_vault'; publicKey: string }
  | { status: 'ally'; allyId: string; allyName: string; publicKey: string }

/** What a bundle holds, shown before the user restores or merges it. */
export interface BundleSummary {
  signature: BundleSignature
  formatVersion: number
  appVersion: string
  createdAt: string
  selection: BundleSelection
  counts: Record<string, number>
  totalBytes: number
}

const chosenIds = z.array(recordId).min(1).max(1000)

/** What the export dialog offers: the whole vault, or chosen campaigns, incidents or contact cards. */
export const exportChoice = z.union([
  z.literal('whole'),
  z.strictObject({ campaignIds: chosenIds }),
  z.strictObject({ incidentIds: chosenIds }),
  z.strictObject({ contactIds: chosenIds }),
])
export type ExportChoice = z.input<typeof exportChoice>

export function selectionOf(choice: ExportChoice): BundleSelection {
  if (choice === 'whole') return { kind: 'vault' }
  return {
    kind: 'records',
    campaigns: 'campaignIds' in choice ? choice.campaignIds : [],
    incidents: 'incidentIds' in choice ? choice.incidentIds : [],
    contacts: 'contactIds' in choice ? choice.contactIds : [],
  }
}

/** age's scrypt recipient is only as strong as its passphrase; the same floor as the vault's. */
const bundlePassphrase = z.string().min(8).max(1024)

/**
 * To allies' public keys, or to a passphrase: age cannot put a passphrase
 * beside public keys in one file, so it is one or the other.
 */
export const exportBundleInput = z
  .object({
    selection: exportChoice,
    allyIds: z.array(recordId).max(100).default([]),
    passphrase: bundlePassphrase.optional(),
  })
  .refine((input) => (input.allyIds.length > 0) !== (input.passphrase !== undefined), {
    message: 'choose allies or a passphrase',
    path: ['allyIds'],
  })

/** Without a passphrase, the open vault's own key opens the bundle. */
export const inspectBundleInput = z.object({ passphrase: z.string().min(1).max(1024).optional() }).default({})

export const bundleToken = z.string().regex(/^[0-9a-f]{32}$/)

export const importBundleInput = z.object({ token: bundleToken, preferIncoming: z.boolean().default(false) })

export const restoreBundleInput = z.object({ token: bundleToken, newVaultPassphrase: bundlePassphrase })

export interface InspectedBundle {
  summary: BundleSummary
  /** Names the checked file for a few minutes, for importBundle or restoreBundle. */
  token: string
}
