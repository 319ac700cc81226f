import { decryptFile, encryptToFile } from './ageFiles'

/**
 * Where age's work runs. The CLI runs all of it in its own thread; the app
 * hands the headers (age-encryption's JavaScript) to a worker
 * (`ageWorkerEngine`).
 */
export interface AgeEngine {
  encryptToFile: typeof encryptToFile
  decryptFile: typeof decryptFile
}

export const inThreadAge: AgeEngine = { encryptToFile, decryptFile }
