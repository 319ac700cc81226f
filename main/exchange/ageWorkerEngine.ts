import { Worker } from 'node:worker_threads'
import { SestraError } from '../../shared/errors'
import type { AgeEngine } from './ageEngine'
import { decryptFile, encryptToFile, type HeaderWork } from './ageFiles'
import type { AgeMessage, AgeWorkerJob } from './ageWorkerProtocol'

/** Runs one header job in a new worker and ends it. */
async function inWorker(entry: URL, job: AgeWorkerJob): Promise<AgeMessage> {
  const worker = new Worker(entry, { workerData: job })
  try {
    return await new Promise<AgeMessage>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', () => reject(new SestraError('INTERNAL', 'age worker')))
      worker.once('exit', () => reject(new SestraError('INTERNAL', 'age worker ended')))
    })
  } finally {
    await worker.terminate()
  }
}

const failed = (message: AgeMessage) =>
  message.type === 'error' ? new SestraError(message.code, message.detail) : new SestraError('INTERNAL', 'age worker')

/**
 * age for the app: headers are made and opened in a worker thread, so
 * age-encryption's JavaScript (X25519, the header MAC) never holds the main
 * process; scrypt, for a passphrase, runs natively on libuv's threads. The payload runs in the main thread on the native
 * cipher, in pieces of at most a few MiB between awaits, beside the vault's
 * reading and writing; `npm run bench` reports the worst event-loop delay.
 * `entry` is the built ageWorker.js (tests pass a small entry that loads the
 * TypeScript source).
 */
export function ageWorkerEngine(entry: URL): AgeEngine {
  const headers: HeaderWork = {
    async seal(to) {
      const message = await inWorker(entry, { op: 'seal', to })
      if (message.type !== 'sealed') throw failed(message)
      return message.sealed
    },
    async open(path, key) {
      const message = await inWorker(entry, { op: 'open', path, key })
      if (message.type !== 'opened') throw failed(message)
      return message.opened
    },
  }
  return {
    encryptToFile: (plain, to, out, signal) => encryptToFile(plain, to, out, signal, headers),
    decryptFile: (path, key) => decryptFile(path, key, headers),
  }
}
