import { decryptFile, encryptToFile } from './ageFiles'

/**
 * Where age's work runs. The CLI runs it in its own thread; the app hands it
 * to a worker (`ageWorkerEngine`) because age-encryption's scrypt, for
 * passphrase bundles, blocks its thread for about 1.7 s, and because the
 * cipher then runs beside the vault's reading, hashing and writing instead
 * of after it.
 */
export interface AgeEngine {
  encryptToFile: typeof encryptToFile
  decryptFile: typeof decryptFile
}

export const inThreadAge: AgeEngine = { encryptToFile, decryptFile }
