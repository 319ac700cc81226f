import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { Decrypter, Encrypter } from 'age-encryption'
import { SestraError } from '../../shared/errors'
import { fsyncDirectory } from '../vault/atomicWrite'
import { toSestraError } from '../vault/ioErrors'

/** age cannot mix a passphrase with public-key recipients in one file. */
export type EncryptTo = { recipients: string[] } | { passphrase: string }
export type DecryptWith = { identity: string } | { passphrase: string }

const ageMagic = 'age-encryption.org/v1\n'

function fromAsyncIterable(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]()
  // highWaterMark 0: a piece is produced only when age asks for one, so memory stays flat.
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(next.value)
      },
      async cancel() {
        await iterator.return?.()
      },
    },
    { highWaterMark: 0 },
  )
}

/**
 * Encrypts the stream into `out`. The ciphertext goes to a hidden temporary
 * file beside it that is renamed into place only when complete and synced,
 * so a failure or a cancel leaves no partial `.age` file behind.
 */
export async function encryptToFile(
  plain: AsyncIterable<Uint8Array>,
  to: EncryptTo,
  out: string,
  signal?: AbortSignal,
): Promise<{ bytes: number }> {
  if (await stat(out).then(() => true, () => false)) throw new SestraError('FILE_EXISTS')
  const encrypter = new Encrypter()
  if ('passphrase' in to) encrypter.setPassphrase(to.passphrase)
  else {
    if (to.recipients.length === 0) throw new SestraError('INVALID_INPUT', 'no recipients')
    for (const recipient of to.recipients) encrypter.addRecipient(recipient)
  }
  const temp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.partial`)
  let bytes = 0
  try {
    const handle = await open(temp, 'wx', 0o600)
    try {
      // scrypt runs here, synchronously (about 1.7 s): callers in the app keep it off the UI's event loop.
      const encrypted = await encrypter.encrypt(fromAsyncIterable(plain))
      for await (const piece of encrypted) {
        if (signal?.aborted) throw new SestraError('ABORTED')
        await handle.write(piece)
        bytes += piece.length
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (await stat(out).then(() => true, () => false)) throw new SestraError('FILE_EXISTS')
    await rename(temp, out)
    await fsyncDirectory(dirname(out)).catch(() => {})
    return { bytes }
  } catch (error) {
    await rm(temp, { force: true })
    throw toSestraError(error)
  }
}

async function peek(path: string, length: number): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new SestraError('NOT_FOUND', 'bundle file')
    throw toSestraError(error)
  }
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Opens `path` for streaming decryption. Header failures are told apart here
 * (not age, not for this key, wrong passphrase); anything age rejects later,
 * in the payload, is a cut or changed file. The plaintext only exists in the
 * pieces handed to the caller: nothing is written to disk.
 */
export async function decryptFile(path: string, key: DecryptWith): Promise<AsyncIterable<Uint8Array>> {
  const head = await peek(path, 64 * 1024)
  if (!head.subarray(0, ageMagic.length).equals(Buffer.from(ageMagic))) throw new SestraError('BUNDLE_NOT_AGE')
  const headerEnd = head.indexOf('\n---')
  const usesPassphrase = head.subarray(0, headerEnd === -1 ? head.length : headerEnd).includes('\n-> scrypt ')
  const decrypter = new Decrypter()
  if ('passphrase' in key) decrypter.addPassphrase(key.passphrase)
  else decrypter.addIdentity(key.identity)
  const source = Readable.toWeb(createReadStream(path, { highWaterMark: 1024 * 1024 })) as ReadableStream<Uint8Array>
  let plain: ReadableStream<Uint8Array>
  try {
    plain = await decrypter.decrypt(source)
  } catch (error) {
    await source.cancel().catch(() => {})
    if (!/no identity matched/.test((error as Error).message)) throw new SestraError('BUNDLE_DAMAGED', 'header')
    if ('passphrase' in key && usesPassphrase) throw new SestraError('BUNDLE_WRONG_PASSPHRASE')
    throw new SestraError('BUNDLE_NOT_FOR_YOU', usesPassphrase ? 'the bundle needs its passphrase' : undefined)
  }
  return authenticated(plain)
}

async function* authenticated(plain: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    for await (const piece of plain) yield piece
  } catch {
    throw new SestraError('BUNDLE_DAMAGED', 'payload')
  }
}
