import { parentPort, workerData } from 'node:worker_threads'
import { SestraError } from '../../shared/errors'
import { inThisThread } from './ageFiles'
import type { AgeMessage, AgeWorkerJob } from './ageWorkerProtocol'

/*
 * Worker thread entry: makes or opens one age header for the main process
 * (see ageWorkerEngine.ts), with the same functions the CLI runs in its own
 * thread, so the bytes are identical whichever thread made them.
 */

const port = parentPort
if (!port) throw new Error('ageWorker must run as a worker thread')
const job = workerData as AgeWorkerJob

async function answer(): Promise<AgeMessage> {
  try {
    if (job.op === 'seal') return { type: 'sealed', sealed: await inThisThread.seal(job.to) }
    return { type: 'opened', opened: await inThisThread.open(job.path, job.key) }
  } catch (error) {
    const known = error instanceof SestraError ? error : new SestraError('INTERNAL')
    return { type: 'error', code: known.code, detail: known.detail }
  }
}

const message = await answer()
port.postMessage(message)
// The key was copied into the message: this thread's copy goes now.
if (message.type === 'sealed') message.sealed.fileKey.fill(0)
if (message.type === 'opened') message.opened.fileKey.fill(0)
