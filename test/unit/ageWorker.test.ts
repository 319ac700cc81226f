import { createHash, randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { ageWorkerEngine } from '../../main/exchange/ageWorkerEngine'
import { ageDecryptWithKey, ageKeygen } from '../support/ageCli'
import { ageWorkerSource } from '../support/ageWorkerSource'
import { tempDir } from '../support/tempDirs'

const engine = ageWorkerEngine(ageWorkerSource)
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** 5 MiB and a bit, in uneven pieces, so the pull-based flow has to carry many messages. */
const payload = randomBytes(5 * 1024 * 1024 + 12_345)
async function* pieces() {
  for (let at = 0; at < payload.length; at += 300_001) yield payload.subarray(at, at + 300_001)
}

describe('age in a worker thread', () => {
  it('encrypts to a recipient so the age CLI decrypts the same bytes', async () => {
    const dir = await tempDir()
    const recipient = await ageKeygen(join(dir, 'key'))
    await engine.encryptToFile(pieces(), { recipients: [recipient] }, join(dir, 'out.age'))
    await ageDecryptWithKey(join(dir, 'key'), join(dir, 'out.age'), join(dir, 'out.bin'))
    expect(sha(await readFile(join(dir, 'out.bin')))).toBe(sha(payload))
  })

  it('keeps the calling thread free while scrypt runs, and round-trips with a passphrase', { timeout: 180_000 }, async () => {
    const dir = await tempDir()
    // In this thread, age's scrypt holds the event loop for 1.7 s or more in one piece.
    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    await engine.encryptToFile(pieces(), { passphrase: 'worker test passphrase' }, join(dir, 'p.age'))
    delay.disable()
    expect(delay.max / 1e6).toBeLessThan(500)
    const chunks: Uint8Array[] = []
    for await (const piece of await engine.decryptFile(join(dir, 'p.age'), { passphrase: 'worker test passphrase' })) chunks.push(piece)
    expect(sha(Buffer.concat(chunks))).toBe(sha(payload))
    await expect(engine.decryptFile(join(dir, 'p.age'), { passphrase: 'not it' })).rejects.toMatchObject({ code: 'BUNDLE_WRONG_PASSPHRASE' })
  })

  it('a cancel or a failing source leaves no output file', async () => {
    const dir = await tempDir()
    const recipient = await ageKeygen(join(dir, 'key'))
    const controller = new AbortController()
    async function* slow() {
      yield payload.subarray(0, 1000)
      controller.abort()
      await new Promise((resolve) => setTimeout(resolve, 20))
      yield payload.subarray(1000, 2000)
    }
    await expect(engine.encryptToFile(slow(), { recipients: [recipient] }, join(dir, 'a.age'), controller.signal)).rejects.toMatchObject({
      code: 'ABORTED',
    })
    async function* broken() {
      yield payload.subarray(0, 1000)
      throw Object.assign(new Error('disk gone'), { code: 'CORRUPT_DATABASE' })
    }
    await expect(engine.encryptToFile(broken(), { recipients: [recipient] }, join(dir, 'b.age'))).rejects.toThrow('disk gone')
    expect(await readdir(dir)).toEqual(['key'])
  })
})
