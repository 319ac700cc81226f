import { readdir, rm } from 'node:fs/promises'
import { SestraError } from '../../shared/errors'
import { createVault, unlockVault, type VaultOptions } from '../vault/vault'
import { wipeVault } from '../vault/wipe'
import type { DecryptWith } from './ageFiles'
import { inThreadAge } from './ageEngine'
import { importStream, type ImportOptions, type ImportResult } from './importBundle'

/**
 * Restores a bundle as a new vault in `dir` (after a wipe, or on a new
 * laptop). `dir` must be absent or empty. The bundle's header is checked
 * before anything is created; on any later failure the new vault is wiped and
 * `dir` is left as it was found. The new vault gets its own new identity:
 * bundles never carry one.
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
  const plain = await (progress.age ?? inThreadAge).decryptFile(path, key)
  try {
    await createVault(dir, passphrase, options)
    const vault = await unlockVault(dir, passphrase, options)
    try {
      return await importStream(vault.store, plain, 'incoming', progress)
    } finally {
      vault.lock()
    }
  } catch (error) {
    await wipeVault(dir).catch(() => {})
    if (entries === null) await rm(dir, { recursive: true, force: true })
    throw error
  }
}
