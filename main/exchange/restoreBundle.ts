import { readdir, rename, rm, rmdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { fsyncDirectory } from '../vault/atomicWrite'
import { createOpenVault, type VaultOptions } from '../vault/vault'
import { wipeVault } from '../vault/wipe'
import type { DecryptWith } from './ageFiles'
import { inThreadAge } from './ageEngine'
import { importStream, type ImportOptions, type ImportResult } from './importBundle'

/** Where a restore builds the vault: beside the target, so the final move is a rename on one disk. */
export const stagingFolderFor = (dir: string) => join(dirname(dir), `.${basename(dir)}.restoring`)

/** A half-built vault left by a killed restore: header first, like any wipe, then the rest. */
async function removeStaging(staging: string): Promise<void> {
  await wipeVault(staging).catch(() => {})
  await rm(staging, { recursive: true, force: true })
}

/**
 * Restores a bundle as a new vault in `dir` (after a wipe, or on a new
 * laptop). `dir` must be absent or empty. The bundle's header is checked
 * before anything is created. The vault is built in a staging folder beside
 * `dir` and renamed into place only when complete, so whenever the process
 * stops, `dir` is as it was found or holds the whole vault: never a vault
 * that opens and holds nothing. A staging folder left by a killed attempt is
 * removed by the next one. The new vault gets its own new identity: bundles
 * never carry one.
 */
export async function restoreBundle(
  path: string,
  key: DecryptWith,
  dir: string,
  passphrase: string,
  options: VaultOptions = {},
  progress: ImportOptions = {},
): Promise<ImportResult> {
  const entries = await readdir(dir).then(
    (names) => names,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null
      throw error
    },
  )
  if (entries && entries.length > 0) throw new SestraError('ALREADY_EXISTS', 'the folder is not empty')
  const staging = stagingFolderFor(dir)
  await removeStaging(staging)
  const plain = await (progress.age ?? inThreadAge).decryptFile(path, key)
  try {
    const vault = await createOpenVault(staging, passphrase, options)
    let result: ImportResult
    try {
      // The new vault is this restore's alone, and removed whole on failure.
      result = await importStream(vault.store, plain, 'incoming', { ...progress, alone: true })
    } finally {
      vault.lock()
    }
    // rename() replaces an empty folder on POSIX but not on Windows: remove it first.
    if (entries !== null) await rmdir(dir)
    await rename(staging, dir)
    await fsyncDirectory(dirname(dir)).catch(() => {})
    return result
  } catch (error) {
    await removeStaging(staging)
    throw error
  }
}
