import { createHash, hkdfSync, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient, type Recipient } from 'age-encryption'
import { describe, expect, it } from 'vitest'
import { sealChunks } from '../../main/crypto/chunkWorkers'
import { streamChunkSize, type StreamDecryptor, type StreamEncryptor } from '../../main/crypto/stream'
import { decryptFile, encryptToFile, type DecryptWith } from '../../main/exchange/ageFiles'
import { headerLength, payloadDecryptor, payloadEncryptor, payloadNonceSize } from '../../main/exchange/ageStream'
import { ageDecryptWithKey, ageEncryptTo, ageKeygen, ageWithPassphrase } from '../support/ageCli'
import { tempDir } from '../support/tempDirs'

/*
 * The payload of every bundle is age's STREAM on node's native cipher; the
 * header is age-encryption's. These tests hold the native payload to the
 * reference implementations: byte for byte against age-encryption for the
 * same file key and nonce, and both ways with the Go `age` CLI.
 */

const K = streamChunkSize
const sizes = [0, 1, 15, K - 1, K, K + 1, 2 * K - 1, 2 * K, 2 * K + 1, 3 * K, 5 * K + 12_345, 16 * K, 16 * K + 1, 100 * K + 9]
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const pass = 'a long fictional test passphrase'

/** A recipient that adds no stanza and keeps the file key, to rebuild age-encryption's payload with it. */
function keyWitness(): Recipient & { fileKey?: Uint8Array } {
  return {
    wrapFileKey(fileKey) {
      this.fileKey = Uint8Array.from(fileKey)
      return []
    },
  }
}

/** Every piece through a payload pipeline, then its end. */
async function run(pipeline: StreamEncryptor | StreamDecryptor, pieces: Iterable<Uint8Array>): Promise<Buffer> {
  const out: Buffer[] = []
  for (const piece of pieces) out.push(...(await pipeline.push(piece)))
  out.push(...(await pipeline.finish()))
  return Buffer.concat(out)
}

/** Pieces cut at uneven places, so chunk boundaries never line up with them. */
function* uneven(bytes: Uint8Array, step = 40_001) {
  for (let at = 0; at < bytes.length; at += step) yield bytes.subarray(at, at + step)
}

async function* from(bytes: Uint8Array) {
  yield* uneven(bytes)
}

async function readAll(pieces: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const out: Uint8Array[] = []
  for await (const piece of pieces) out.push(piece)
  return Buffer.concat(out)
}

async function decrypted(path: string, key: DecryptWith): Promise<Buffer> {
  return readAll(await decryptFile(path, key))
}

describe('the native age payload', () => {
  it('is byte for byte what age-encryption writes for the same file key and nonce', async () => {
    const identity = await generateX25519Identity()
    for (const size of sizes) {
      const plain = randomBytes(size)
      const encrypter = new Encrypter()
      encrypter.addRecipient(await identityToRecipient(identity))
      const witness = keyWitness()
      encrypter.addRecipient(witness)
      const reference = Buffer.from(await encrypter.encrypt(plain))
      const start = headerLength(reference)
      const nonce = reference.subarray(start, start + payloadNonceSize)
      const ours = await run(payloadEncryptor(witness.fileKey!, nonce), uneven(plain))
      expect(ours.equals(reference.subarray(start + payloadNonceSize)), `size ${size}`).toBe(true)
      // And the other way: our decryptor opens age-encryption's payload.
      const opened = await run(payloadDecryptor(witness.fileKey!, nonce), uneven(reference.subarray(start + payloadNonceSize), 70_001))
      expect(opened.equals(plain), `size ${size}`).toBe(true)
    }
  })

  it('whole files made here open with age-encryption, and its files open here', async () => {
    const dir = await tempDir()
    const identity = await generateX25519Identity()
    const recipient = await identityToRecipient(identity)
    for (const size of [0, K, 3 * K + 7]) {
      const plain = randomBytes(size)
      const ours = join(dir, `ours-${size}.age`)
      await encryptToFile(from(plain), { recipients: [recipient] }, ours)
      const decrypter = new Decrypter()
      decrypter.addIdentity(identity)
      expect(Buffer.from(await decrypter.decrypt(await readFile(ours))).equals(plain)).toBe(true)
      const encrypter = new Encrypter()
      encrypter.addRecipient(recipient)
      const theirs = join(dir, `theirs-${size}.age`)
      await writeFile(theirs, await encrypter.encrypt(plain))
      expect((await decrypted(theirs, { identity })).equals(plain)).toBe(true)
    }
  })
})

describe('interoperability of the native payload with the Go age CLI', () => {
  const plain = randomBytes(3 * K + 4321)

  it('X25519 both ways', async () => {
    const dir = await tempDir()
    const recipient = await ageKeygen(join(dir, 'key.txt'))
    const identity = (await readFile(join(dir, 'key.txt'), 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!
    await encryptToFile(from(plain), { recipients: [recipient] }, join(dir, 'ours.age'))
    await ageDecryptWithKey(join(dir, 'key.txt'), join(dir, 'ours.age'), join(dir, 'ours.out'))
    expect(sha(await readFile(join(dir, 'ours.out')))).toBe(sha(plain))
    await writeFile(join(dir, 'plain.bin'), plain)
    await ageEncryptTo(recipient, join(dir, 'plain.bin'), join(dir, 'theirs.age'))
    expect(sha(await decrypted(join(dir, 'theirs.age'), { identity }))).toBe(sha(plain))
  })

  // scrypt runs four times: once each way on each side.
  it('passphrase both ways', { timeout: 180_000 }, async () => {
    const dir = await tempDir()
    await encryptToFile(from(plain), { passphrase: pass }, join(dir, 'ours.age'))
    const opened = ageWithPassphrase(['-d', '-o', join(dir, 'ours.out'), join(dir, 'ours.age')], pass)
    expect(opened.code, opened.output).toBe(0)
    expect(sha(await readFile(join(dir, 'ours.out')))).toBe(sha(plain))
    await writeFile(join(dir, 'plain.bin'), plain)
    const made = ageWithPassphrase(['-p', '-o', join(dir, 'theirs.age'), join(dir, 'plain.bin')], pass)
    expect(made.code, made.output).toBe(0)
    expect(sha(await decrypted(join(dir, 'theirs.age'), { passphrase: pass }))).toBe(sha(plain))
  })
})

describe('a damaged payload is refused as BUNDLE_DAMAGED', () => {
  async function made(size: number) {
    const dir = await tempDir()
    const identity = await generateX25519Identity()
    const path = join(dir, 'b.age')
    await encryptToFile(from(randomBytes(size)), { recipients: [await identityToRecipient(identity)] }, path)
    const bytes = await readFile(path)
    return { dir, path, bytes, key: { identity }, payloadStart: headerLength(bytes) + payloadNonceSize }
  }

  const refusedAs = async (path: string, key: DecryptWith, code: string, detail?: string) =>
    expect(decrypted(path, key)).rejects.toMatchObject(detail ? { code, detail } : { code })

  it('cut anywhere: in the nonce, inside a chunk, at a chunk boundary, or the whole last chunk', async () => {
    const { path, bytes, key, payloadStart } = await made(3 * K + 100)
    const sealed = K + 16
    for (const cut of [payloadStart - 3, payloadStart + 10, payloadStart + sealed, payloadStart + 2 * sealed + 5, payloadStart + 3 * sealed, bytes.length - 1]) {
      await writeFile(path, bytes.subarray(0, cut))
      await refusedAs(path, key, 'BUNDLE_DAMAGED', 'payload')
    }
  })

  it('one flipped byte in the nonce or any chunk', async () => {
    const { path, bytes, key, payloadStart } = await made(2 * K + 100)
    for (const at of [payloadStart - 1, payloadStart, payloadStart + K + 15, payloadStart + K + 16, bytes.length - 1]) {
      const changed = Buffer.from(bytes)
      changed[at]! ^= 0x01
      await writeFile(path, changed)
      await refusedAs(path, key, 'BUNDLE_DAMAGED', 'payload')
    }
  })

  it('data after the last chunk, whether the last chunk is short or full', async () => {
    for (const size of [K + 100, 2 * K]) {
      const { path, bytes, key } = await made(size)
      for (const extra of [Buffer.alloc(1), randomBytes(17), randomBytes(K + 16)]) {
        await writeFile(path, Buffer.concat([bytes, extra]))
        await refusedAs(path, key, 'BUNDLE_DAMAGED', 'payload')
      }
    }
  })

  it('an empty last chunk after a full one (age allows an empty chunk only for an empty file); the Go age refuses it too', async () => {
    const dir = await tempDir()
    const recipient = await ageKeygen(join(dir, 'key.txt'))
    const identity = (await readFile(join(dir, 'key.txt'), 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!
    const witness = keyWitness()
    const encrypter = new Encrypter()
    encrypter.addRecipient(recipient)
    encrypter.addRecipient(witness)
    const reference = Buffer.from(await encrypter.encrypt(randomBytes(K)))
    const start = headerLength(reference)
    const nonce = reference.subarray(start, start + payloadNonceSize)
    // The STREAM key from the spec, computed here on its own: HKDF-SHA256(file key, nonce, "payload").
    const key = Buffer.from(hkdfSync('sha256', witness.fileKey!, nonce, 'payload', 32))
    const plain = await decrypted(await written(dir, 'control.age', reference), { identity })
    expect(plain.length).toBe(K)
    const forged = Buffer.concat([reference.subarray(0, start + payloadNonceSize), await sealChunks(key, 0, -1, Buffer.from(plain)), await sealChunks(key, 1, 1, Buffer.alloc(0))])
    const path = await written(dir, 'forged.age', forged)
    await refusedAs(path, { identity }, 'BUNDLE_DAMAGED', 'payload')
    await expect(ageDecryptWithKey(join(dir, 'key.txt'), path, join(dir, 'forged.out'))).rejects.toThrow()
  })

  it('header problems are told apart from payload damage', async () => {
    const { path, bytes, key, payloadStart } = await made(100)
    const header = Buffer.from(bytes.subarray(0, payloadStart - payloadNonceSize))
    const macAt = header.lastIndexOf('--- ') + 4
    const changed = Buffer.from(bytes)
    changed[macAt] = changed[macAt] === 0x41 ? 0x42 : 0x41
    await writeFile(path, changed)
    await refusedAs(path, key, 'BUNDLE_DAMAGED', 'header')
    await writeFile(path, bytes.subarray(0, macAt + 10))
    await refusedAs(path, key, 'BUNDLE_DAMAGED', 'header')
    await writeFile(path, Buffer.concat([Buffer.from('not age at all\n'), bytes]))
    await refusedAs(path, key, 'BUNDLE_NOT_AGE')
    await writeFile(path, bytes)
    await refusedAs(path, { identity: await generateX25519Identity() }, 'BUNDLE_NOT_FOR_YOU')
    await refusedAs(path, { passphrase: pass }, 'BUNDLE_NOT_FOR_YOU')
  })
})

describe('passphrase headers (scrypt on the native KDF)', () => {
  it('age-encryption opens ours; a bad stanza is a damaged header, a wrong passphrase is named', { timeout: 120_000 }, async () => {
    const dir = await tempDir()
    const path = join(dir, 'p.age')
    await encryptToFile(from(randomBytes(100)), { passphrase: pass }, path)
    const bytes = await readFile(path)
    const decrypter = new Decrypter()
    decrypter.addPassphrase(pass)
    expect((await decrypter.decrypt(bytes)).length).toBe(100)
    const stanza = /-> scrypt ([A-Za-z0-9+/]+) 18\n/.exec(bytes.toString('latin1'))!
    const edited = (from: string, to: string) => written(dir, `e-${randomBytes(4).toString('hex')}.age`, Buffer.from(bytes.toString('latin1').replace(from, to), 'latin1'))
    await expect(decryptFile(await edited(' 18\n', ' 21\n'), { passphrase: pass })).rejects.toMatchObject({ code: 'BUNDLE_DAMAGED', detail: 'header' })
    await expect(decryptFile(await edited(stanza[1]!, stanza[1]!.slice(0, -1)), { passphrase: pass })).rejects.toMatchObject({ code: 'BUNDLE_DAMAGED', detail: 'header' })
    await expect(decryptFile(path, { passphrase: 'another long fictional passphrase' })).rejects.toMatchObject({ code: 'BUNDLE_WRONG_PASSPHRASE' })
  })
})

async function written(dir: string, name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}
