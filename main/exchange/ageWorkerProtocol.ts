import type { ErrorCode } from '../../shared/errors'
import type { DecryptWith, EncryptTo } from './ageFiles'

/** What a worker is started for (its workerData). */
export type AgeWorkerJob = { op: 'encrypt'; to: EncryptTo; out: string } | { op: 'decrypt'; path: string; key: DecryptWith }

/**
 * Plaintext crosses between the threads as messages, never through a file.
 * The receiving side asks for each piece ("pull"), so at most a few pieces
 * are in flight and memory stays flat.
 */
export type AgeMessage =
  | { type: 'pull' }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'abort' }
  | { type: 'ready' }
  | { type: 'done'; bytes: number }
  | { type: 'error'; code: ErrorCode; detail: string | undefined }

/** Pieces requested ahead, so reading the vault and encrypting overlap. */
export const piecesInFlight = 4
