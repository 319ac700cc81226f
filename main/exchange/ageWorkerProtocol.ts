import type { ErrorCode } from '../../shared/errors'
import type { OpenedBundle } from './ageFiles'
import type { DecryptWith, EncryptTo, SealedHeader } from './ageStream'

/**
 * What a worker is started for (its workerData): one header to make or to
 * open. Each worker answers once and ends, so none holds memory between
 * jobs (a restore derives the new vault's key between opening the bundle
 * and reading it). The payload never crosses: it is native and runs where
 * its bytes are read or written.
 */
export type AgeWorkerJob = { op: 'seal'; to: EncryptTo } | { op: 'open'; path: string; key: DecryptWith }

export type AgeMessage =
  | { type: 'sealed'; sealed: SealedHeader }
  | { type: 'opened'; opened: OpenedBundle }
  | { type: 'error'; code: ErrorCode; detail: string | undefined }
