import { parentPort, workerData } from 'node:worker_threads'
import { SestraError } from '../../shared/errors'
import { encryptToFile, openBundle, payloadOf } from './ageFiles'
import { chunkMessage, piecesInFlight, type AgeMessage, type AgeWorkerJob } from './ageWorkerProtocol'

/*
 * Worker thread entry: runs one age encryption or decryption for the main
 * process (see ageWorkerEngine.ts). The same functions the CLI uses run here,
 * so the bytes are identical whichever thread made them.
 */

const port = parentPort
if (!port) throw new Error('ageWorker must run as a worker thread')
const job = workerData as AgeWorkerJob
const send = (message: AgeMessage) => port.postMessage(message)

function fail(error: unknown): void {
  const known = error instanceof SestraError ? error : new SestraError('INTERNAL')
  send({ type: 'error', code: known.code, detail: known.detail })
}

/** The plaintext the main thread sends, piece by piece, as it is asked for. */
function incoming(signal: AbortController): AsyncIterable<Uint8Array> {
  const queue: Uint8Array[] = []
  let ended = false
  let wake: (() => void) | null = null
  port!.on('message', (message: AgeMessage) => {
    if (message.type === 'chunk') queue.push(message.data)
    else if (message.type === 'end') ended = true
    else if (message.type === 'abort') signal.abort()
    wake?.()
  })
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < piecesInFlight; i++) send({ type: 'pull' })
      for (;;) {
        const piece = queue.shift()
        if (piece) {
          send({ type: 'pull' })
          yield piece
        } else if (ended) return
        else if (signal.signal.aborted) throw new SestraError('ABORTED')
        else await new Promise<void>((resolve) => (wake = resolve))
      }
    },
  }
}

async function encrypt(to: AgeWorkerJob & { op: 'encrypt' }): Promise<void> {
  const controller = new AbortController()
  const { bytes } = await encryptToFile(incoming(controller), to.to, to.out, controller.signal)
  send({ type: 'done', bytes })
}

async function header(of: AgeWorkerJob & { op: 'header' }): Promise<void> {
  const opened = await openBundle(of.path, of.key)
  send({ type: 'opened', opened })
  opened.fileKey.fill(0)
}

async function payload(of: AgeWorkerJob & { op: 'payload' }): Promise<void> {
  const plain = payloadOf(of.path, of.opened)
  port!.on('message', (message: AgeMessage) => {
    if (message.type !== 'pull') return
    plain.next().then((next) => (next.done ? send({ type: 'end' }) : port!.postMessage(...chunkMessage(next.value))), fail)
  })
}

;(job.op === 'encrypt' ? encrypt(job) : job.op === 'header' ? header(job) : payload(job)).catch(fail)
