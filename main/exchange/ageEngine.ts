import { decryptFile, encryptToFile } from './ageFiles'

/**
 * Where age's work runs. The CLI runs it in its own thread; the app hands it
 * to a worker (`ageWorkerEngine`) because age-encryption's scrypt, for
 * passphrase bundles, blocks its thread for about 1.7 s, and its JavaScript
 * cipher is the costliest step of an export.
 */
export interface AgeEngine {
  encryptToFile: typeof encryptToFile
  decryptFile: typeof decryptFile
}

export const inThreadAge: AgeEngine = { encryptToFile, decryptFile }
