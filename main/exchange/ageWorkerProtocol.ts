import type { ErrorCode } from '../../shared/errors'
import type { OpenedBundle } from './ageFiles'
import type { DecryptWith, EncryptTo } from './ageStream'

/**
 * What a worker is started for (its workerData). Decryption takes two
 * workers one after the other: one checks the header (scrypt, for a
 * passphrase) and ends; the next, started when the first piece is asked
 * for, decrypts the payload. In between (a restore derives the new vault's
 * key there) no worker holds memory.
 */
export type AgeWorkerJob =
  | { op: 'encrypt'; to: EncryptTo; out: string }
  | { op: 'header'; path: string; key: DecryptWith }
  | { op: 'payload'; path: string; opened: OpenedBundle }

/**
 * Plaintext crosses between the threads as messages, never through a file.
 * The receiving side asks for each piece ("pull"), so at most a few pieces
 * are in flight and memory stays flat. A piece's memory is handed over
 * (transferred), not copied.
 */
export type AgeMessage =
  | { type: 'pull' }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'abort' }
  | { type: 'opened'; opened: OpenedBundle }
  | { type: 'done'; bytes: number }
  | { type: 'error'; code: ErrorCode; detail: string | undefined }

/** Pieces requested ahead, so reading the vault and encrypting overlap. */
export const piecesInFlight = 4

/** About 1 MiB per message: fewer, larger messages cost less than many small ones. */
export const pieceSize = 1024 * 1024

/**
 * A chunk message whose piece can be transferred: a piece that is only a
 * view into a larger buffer (Node's pool, a reused chunk) is copied first,
 * since transferring would take the whole buffer away from its owner.
 */
export function chunkMessage(piece: Uint8Array): [AgeMessage, ArrayBuffer[]] {
  const own =
    piece.buffer instanceof ArrayBuffer && piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength
      ? (piece as Uint8Array<ArrayBuffer>)
      : new Uint8Array(piece)
  return [{ type: 'chunk', data: own }, [own.buffer]]
}
