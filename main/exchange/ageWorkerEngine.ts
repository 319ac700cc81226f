import { Worker } from 'node:worker_threads'
import { SestraError } from '../../shared/errors'
import type { AgeEngine } from './ageEngine'
import type { OpenedBundle } from './ageFiles'
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
  /** The messages of a worker, received in order; a crash of the worker arrives as an error message. */
  const inbox = (worker: Worker) => {
    const messages: AgeMessage[] = []
    let wake: (() => void) | null = null
    const arrive = (message: AgeMessage) => {
      messages.push(message)
      wake?.()
    }
    worker.on('message', arrive)
    worker.on('error', () => arrive({ type: 'error', code: 'INTERNAL', detail: 'age worker' }))
    // Messages come before the exit; an exit nobody asked for must not leave a reader waiting.
    worker.on('exit', () => arrive({ type: 'error', code: 'INTERNAL', detail: 'age worker ended' }))
    return {
      worker,
      async receive(): Promise<AgeMessage> {
        while (messages.length === 0) await new Promise<void>((resolve) => (wake = resolve))
        return messages.shift()!
      },
    }
  }

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
      // Header problems (not age, not for this key, wrong passphrase) surface here, before any plaintext.
      const header = inbox(start({ op: 'header', path, key }))
      let opened: OpenedBundle
      try {
        const first = await header.receive()
        if (first.type === 'error') throw errorOf(first)
        if (first.type !== 'opened') throw new SestraError('INTERNAL', 'age worker')
        opened = first.opened
      } finally {
        await header.worker.terminate()
      }
      return (async function* () {
        const payload = inbox(start({ op: 'payload', path, opened }))
        // The worker got its own copy of the key with its job.
        opened.fileKey.fill(0)
        try {
          for (let i = 0; i < piecesInFlight; i++) payload.worker.postMessage({ type: 'pull' } satisfies AgeMessage)
          for (;;) {
            const message = await payload.receive()
            if (message.type === 'end') return
            if (message.type === 'error') throw errorOf(message)
            if (message.type === 'chunk') {
              payload.worker.postMessage({ type: 'pull' } satisfies AgeMessage)
              yield message.data
            }
          }
        } finally {
          await payload.worker.terminate()
        }
      })()
    },
  }
}
