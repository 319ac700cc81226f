import { Worker } from 'node:worker_threads'
import { SestraError } from '../../shared/errors'
import type { AgeEngine } from './ageEngine'
import { chunkMessage, pieceSize, piecesInFlight, type AgeMessage, type AgeWorkerJob } from './ageWorkerProtocol'

/**
 * Gathers pieces of any size (tar headers of 512 bytes, views into the
 * vault's read buffers) into fresh buffers of `pieceSize`, which this thread
 * owns and can hand over without a copy.
 */
async function* batched(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let batch = new Uint8Array(pieceSize)
  let filled = 0
  for await (const piece of pieces) {
    for (let at = 0; at < piece.length; ) {
      const taken = Math.min(pieceSize - filled, piece.length - at)
      batch.set(piece.subarray(at, at + taken), filled)
      filled += taken
      at += taken
      if (filled === pieceSize) {
        yield batch
        batch = new Uint8Array(pieceSize)
        filled = 0
      }
    }
  }
  if (filled > 0) yield batch.subarray(0, filled)
}

/**
 * age in a worker thread, for the app: the main process keeps answering the
 * window while scrypt and the cipher run. `entry` is the built ageWorker.js
 * (tests pass a small entry that loads the TypeScript source).
 */
export function ageWorkerEngine(entry: URL): AgeEngine {
  const start = (job: AgeWorkerJob) => new Worker(entry, { workerData: job })
  const errorOf = (message: AgeMessage & { type: 'error' }) => new SestraError(message.code, message.detail)

  return {
    async encryptToFile(plain, to, out, signal) {
      const worker = start({ op: 'encrypt', to, out })
      const pieces = batched(plain)
      const abort = () => worker.postMessage({ type: 'abort' } satisfies AgeMessage)
      signal?.addEventListener('abort', abort)
      // Pieces are read one after another, in the order the worker asks.
      let feeding = Promise.resolve()
      let sourceError: unknown = null
      try {
        return await new Promise<{ bytes: number }>((resolve, reject) => {
          worker.on('message', (message: AgeMessage) => {
            if (message.type === 'pull') {
              feeding = feeding.then(async () => {
                if (sourceError) return
                try {
                  const next = await pieces.next()
                  if (next.done) worker.postMessage({ type: 'end' } satisfies AgeMessage)
                  else worker.postMessage(...chunkMessage(next.value))
                } catch (error) {
                  sourceError = error
                  abort()
                }
              })
            } else if (message.type === 'done') resolve({ bytes: message.bytes })
            else if (message.type === 'error') reject(sourceError ?? errorOf(message))
          })
          worker.on('error', () => reject(new SestraError('INTERNAL', 'age worker')))
        })
      } finally {
        signal?.removeEventListener('abort', abort)
        await worker.terminate()
      }
    },

    async decryptFile(path, key) {
      const worker = start({ op: 'decrypt', path, key })
      const inbox: AgeMessage[] = []
      let wake: (() => void) | null = null
      worker.on('message', (message: AgeMessage) => {
        inbox.push(message)
        wake?.()
      })
      worker.on('error', () => {
        inbox.push({ type: 'error', code: 'INTERNAL', detail: 'age worker' })
        wake?.()
      })
      const receive = async (): Promise<AgeMessage> => {
        while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        return inbox.shift() as AgeMessage
      }
      // Header problems (not age, not for this key, wrong passphrase) surface here, before any plaintext.
      const first = await receive()
      if (first.type === 'error') {
        await worker.terminate()
        throw errorOf(first)
      }
      return (async function* () {
        try {
          for (let i = 0; i < piecesInFlight; i++) worker.postMessage({ type: 'pull' } satisfies AgeMessage)
          for (;;) {
            const message = await receive()
            if (message.type === 'end') return
            if (message.type === 'error') throw errorOf(message)
            if (message.type === 'chunk') {
              worker.postMessage({ type: 'pull' } satisfies AgeMessage)
              yield message.data
            }
          }
        } finally {
          await worker.terminate()
        }
      })()
    },
  }
}
