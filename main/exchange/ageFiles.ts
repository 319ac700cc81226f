import { randomBytes } from 'node:crypto'
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { SestraError } from '../../shared/errors'
import { releaseRun } from '../crypto/chunkWorkers'
import { StreamDamagedError } from '../crypto/stream'
import { fsyncDirectory } from '../vault/atomicWrite'
import { DirectFileWriter, readDirect } from '../directFile'
import { toSestraError } from '../vault/ioErrors'
import {
  ageMagic,
  headerLength,
  maxHeaderSize,
  newPayloadNonce,
  openHeader,
  payloadDecryptor,
  payloadEncryptor,
  payloadNonceSize,
  sealHeader,
  type DecryptWith,
  type EncryptTo,
  type SealedHeader,
} from './ageStream'

export type { DecryptWith, EncryptTo }

/**
 * Where the header's work runs. The payload is native and runs where the
 * bytes are; the header is age-encryption's JavaScript (its scrypt, for a
 * passphrase, is node's native one: `ageStream.ts`), which the app hands to a
 * worker (`ageWorkerEngine.ts`).
 */
export interface HeaderWork {
  seal(to: EncryptTo): Promise<SealedHeader>
  open(path: string, key: DecryptWith): Promise<OpenedBundle>
}

/** The header's work in the calling thread (the CLI). */
export const inThisThread: HeaderWork = { seal: sealHeader, open: openBundle }

const exists = (path: string) => stat(path).then(() => true, () => false)

/**
 * Encrypts the stream into `out` as an age file. The ciphertext goes to a
 * hidden temporary file beside it that is renamed into place only when
 * complete and synced, so a failure or a cancel leaves no partial `.age` file
 * behind.
 */
export async function encryptToFile(
  plain: AsyncIterable<Uint8Array>,
  to: EncryptTo,
  out: string,
  signal?: AbortSignal,
  headers: HeaderWork = inThisThread,
): Promise<{ bytes: number }> {
  if (await exists(out)) throw new SestraError('FILE_EXISTS')
  const { header, fileKey } = await headers.seal(to)
  const nonce = newPayloadNonce()
  const encryptor = payloadEncryptor(fileKey, nonce)
  fileKey.fill(0)
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`)
  // The source's own failure (a damaged stored file, say) is the caller's to see as it was thrown.
  let sourceFailure = null as { error: unknown } | null
  const source = async function* () {
    try {
      yield* plain
    } catch (error) {
      sourceFailure = { error }
      throw error
    }
  }
  try {
    const writer = await DirectFileWriter.create(temp)
    const write = async (sealed: Buffer[]) => {
      await writer.add(sealed)
      // Copied into the writer's blocks: the runs can take the next chunks.
      for (const run of sealed) releaseRun(run)
    }
    try {
      await writer.add([header, nonce])
      for await (const piece of source()) {
        if (signal?.aborted) throw new SestraError('ABORTED')
        await write(await encryptor.push(piece))
      }
      if (signal?.aborted) throw new SestraError('ABORTED')
      await write(await encryptor.finish())
      await writer.finish()
      await writer.handle.sync()
    } finally {
      await encryptor.wipe()
      await writer.close()
    }
    const bytes = writer.length
    if (await exists(out)) throw new SestraError('FILE_EXISTS')
    await rename(temp, out)
    await fsyncDirectory(dirname(out)).catch(() => {})
    return { bytes }
  } catch (error) {
    await rm(temp, { force: true })
    throw sourceFailure ? sourceFailure.error : toSestraError(error)
  }
}

const readFailure = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT' ? new SestraError('NOT_FOUND', 'bundle file') : toSestraError(error)

async function openForReading(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r')
  } catch (error) {
    throw readFailure(error)
  }
}

/** Fills `buffer` from `position`; the part read (shorter only at the end of the file). */
async function readAt(handle: FileHandle, position: number, buffer: Buffer): Promise<Buffer> {
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
  return buffer.subarray(0, bytesRead)
}

/** What the header of a bundle gave: enough to decrypt its payload, in this thread or another. */
export interface OpenedBundle {
  fileKey: Uint8Array
  nonce: Uint8Array
  payloadStart: number
}

/**
 * Checks the header of `path` and unwraps its file key. Header failures are
 * told apart here (not age, not for this key, wrong passphrase); anything
 * refused later, in the payload, is a cut or changed file.
 */
export async function openBundle(path: string, key: DecryptWith): Promise<OpenedBundle> {
  const handle = await openForReading(path)
  let head: Buffer
  try {
    head = await readAt(handle, 0, Buffer.alloc(maxHeaderSize + payloadNonceSize))
  } finally {
    await handle.close()
  }
  if (!head.subarray(0, ageMagic.length).equals(Buffer.from(ageMagic))) throw new SestraError('BUNDLE_NOT_AGE')
  const length = headerLength(head)
  const fileKey = await openHeader(head.subarray(0, length), key)
  const nonce = head.subarray(length, length + payloadNonceSize)
  if (nonce.length < payloadNonceSize) {
    fileKey.fill(0)
    throw new SestraError('BUNDLE_DAMAGED', 'payload')
  }
  return { fileKey, nonce: Uint8Array.from(nonce), payloadStart: length + payloadNonceSize }
}

/**
 * The plaintext of an opened bundle, piece by piece (a run of 16 chunks,
 * 1 MiB, each): nothing is written to disk. The file is opened only when the
 * first piece is asked for, and the file key is zeroed as soon as the
 * payload key is made from it. The file is read ahead (`readDirect`), so the
 * disk works while the chunk workers open what was read before.
 */
export async function* payloadOf(path: string, opened: OpenedBundle): AsyncGenerator<Uint8Array> {
  const decryptor = payloadDecryptor(opened.fileKey, opened.nonce)
  opened.fileKey.fill(0)
  try {
    for await (const sealed of readDirect(path, opened.payloadStart)) yield* await decryptor.push(sealed)
    for (const piece of await decryptor.finish()) if (piece.length > 0) yield piece
  } catch (error) {
    if (error instanceof StreamDamagedError) throw new SestraError('BUNDLE_DAMAGED', 'payload')
    throw readFailure(error)
  } finally {
    await decryptor.wipe()
  }
}

/** The header is checked now, the payload read when asked for. */
export async function decryptFile(path: string, key: DecryptWith, headers: HeaderWork = inThisThread): Promise<AsyncIterable<Uint8Array>> {
  return payloadOf(path, await headers.open(path, key))
}
