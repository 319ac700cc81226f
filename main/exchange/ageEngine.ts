import { decryptFile, encryptToFile } from './ageFiles'

/**
 * Where age's work runs. The CLI runs all of it in its own thread; the app
 * hands the headers to a worker (`ageWorkerEngine`) because age-encryption's
 * scrypt, for passphrase bundles, blocks its thread for a second or more.
 */
export interface AgeEngine {
  encryptToFile: typeof encryptToFile
  decryptFile: typeof decryptFile
}

export const inThreadAge: AgeEngine = { encryptToFile, decryptFile }
