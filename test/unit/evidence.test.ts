import { createHash, randomBytes } from 'node:crypto'
import { utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { intakeFile } from '../../main/evidence/intake'
import { storedFileResponse, parseRange } from '../../main/evidence/storedFileResponse'
import { sniffMime } from '../../main/evidence/sniffMime'
import { chunkSize } from '../../main/store/files'
import type { OpenVault } from '../../main/vault/vault'
import { collect, openTestVault, patterned, piecesOf } from '../support/evidenceVault'
import { filesContaining } from '../support/scanForCanary'
import { tempDir } from '../support/tempDirs'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

async function vault() {
  const made = await openTestVault()
  open = made.vault
  return made
}

describe('intake', () => {
  for (const size of [0, 1, chunkSize, chunkSize + 1]) {
    it(`a ${size}-byte file comes back byte-identical, with its hash, size, name, mtime and a custody intake entry`, async () => {
      const { vault: v } = await vault()
      const bytes = patterned(size)
      const path = join(await tempDir(), `sample ${size}.bin`)
      await writeFile(path, bytes)
      const mtime = new Date('2026-11-26T08:30:00.000Z')
      await utimes(path, mtime, mtime)
      const before = Date.now()
      const record = await intakeFile(v.store, path)
      expect(record).toMatchObject({ name: `sample ${size}.bin`, size, sha256: sha256(bytes), modifiedAt: mtime.toISOString() })
      expect(Date.parse(record.createdAt)).toBeGreaterThanOrEqual(before - 1000)
      expect((await collect(v.store.files.read(record.id))).equals(bytes)).toBe(true)
      const [intake, ...rest] = v.store.custody.entries('file', record.id)
      expect(rest).toEqual([])
      expect(intake).toMatchObject({ action: 'intake', position: 0, prevHash: null, detail: { sha256: sha256(bytes), size } })
    })
  }

  it('the 1 GB round trip runs only when asked (SESTRA_LARGE_TESTS=1)', async (ctx) => {
    if (process.env.SESTRA_LARGE_TESTS !== '1') {
      console.info('skipped: the 1 GB round trip takes minutes; set SESTRA_LARGE_TESTS=1 to run it')
      ctx.skip()
    }
    const { vault: v } = await vault()
    const piece = patterned(chunkSize)
    const expected = createHash('sha256')
    async function* gigabyte() {
      for (let i = 0; i < 1024; i++) {
        expected.update(piece)
        yield piece
      }
    }
    const record = await v.store.files.add({ name: 'large.bin' }, gigabyte())
    const digest = await v.store.files.digest(record.id)
    expect(record.size).toBe(1024 * chunkSize)
    expect(digest).toEqual({ size: record.size, sha256: expected.digest('hex') })
    expect(record.sha256).toBe(digest.sha256)
  }, 30 * 60_000)

  it('sniffs the type from the content, not from the name or a claim', async () => {
    const { vault: v } = await vault()
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(100)])
    const record = await v.store.files.add({ name: 'not-a-text.txt', mime: 'text/html' }, piecesOf(png))
    expect(record.mime).toBe('image/png')
  })

  it('cancelling mid-import leaves no file record and no custody entry', async () => {
    const { vault: v } = await vault()
    const controller = new AbortController()
    async function* slow() {
      yield Buffer.alloc(chunkSize * 2, 7)
      controller.abort()
      yield Buffer.alloc(10, 8)
    }
    await expect(v.store.files.add({ name: 'cut.mp4' }, slow(), controller.signal)).rejects.toMatchObject({ code: 'ABORTED' })
    expect(v.store.files.count()).toBe(0)
    expect(v.store.custody.subjects()).toEqual([])
  })

  it('a file path import cancelled by its signal leaves nothing', async () => {
    const { vault: v } = await vault()
    const path = join(await tempDir(), 'video.mp4')
    await writeFile(path, patterned(chunkSize * 3))
    const controller = new AbortController()
    const importing = intakeFile(v.store, path, { signal: controller.signal, onProgress: (bytes) => bytes > chunkSize && controller.abort() })
    await expect(importing).rejects.toMatchObject({ code: 'ABORTED' })
    expect(v.store.files.list()).toEqual([])
  })
})

describe('seekable reads', () => {
  it('readRange returns exactly the asked bytes across chunk borders', async () => {
    const { vault: v } = await vault()
    const bytes = patterned(chunkSize * 2 + 17)
    const { id } = await v.store.files.add({ name: 'clip.webm' }, piecesOf(bytes))
    const cases: [number, number][] = [
      [0, 0],
      [0, bytes.length - 1],
      [chunkSize - 1, chunkSize],
      [chunkSize, chunkSize],
      [5, chunkSize * 2 + 3],
      [bytes.length - 1, bytes.length - 1],
    ]
    for (const [start, end] of cases) {
      expect((await collect(v.store.files.readRange(id, start, end))).equals(bytes.subarray(start, end + 1))).toBe(true)
    }
    await expect(collect(v.store.files.readRange(id, 0, bytes.length))).rejects.toMatchObject({ code: 'INVALID_INPUT' })
  })

  it('parseRange follows RFC 9110 for one range and ignores what it does not serve', () => {
    expect(parseRange(undefined, 100)).toBeNull()
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 })
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 })
    expect(parseRange('bytes=50-1000', 100)).toEqual({ start: 50, end: 99 })
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable')
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull()
    expect(parseRange('items=0-1', 100)).toBeNull()
    expect(parseRange('bytes=9-3', 100)).toBeNull()
  })

  it('storedFileResponse: 200, 206, 416, HEAD, and unknown types only as downloads', async () => {
    const { vault: v } = await vault()
    const video = Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), patterned(chunkSize + 100)])
    const file = await v.store.files.add({ name: 'clip.mp4' }, piecesOf(video))
    expect(file.mime).toBe('video/mp4')

    const whole = storedFileResponse(v.store.files, file, {})
    expect(whole.status).toBe(200)
    expect(whole.headers).toMatchObject({ 'Content-Type': 'video/mp4', 'Content-Length': String(video.length), 'Accept-Ranges': 'bytes', 'Cache-Control': 'no-store' })
    expect((await collect(whole.body!)).equals(video)).toBe(true)

    const part = storedFileResponse(v.store.files, file, { range: `bytes=${chunkSize - 2}-${chunkSize + 2}` })
    expect(part.status).toBe(206)
    expect(part.headers['Content-Range']).toBe(`bytes ${chunkSize - 2}-${chunkSize + 2}/${video.length}`)
    expect(part.headers['Content-Length']).toBe('5')
    expect((await collect(part.body!)).equals(video.subarray(chunkSize - 2, chunkSize + 3))).toBe(true)

    const beyond = storedFileResponse(v.store.files, file, { range: `bytes=${video.length}-` })
    expect(beyond).toMatchObject({ status: 416, body: null, headers: { 'Content-Range': `bytes */${video.length}` } })
    expect(storedFileResponse(v.store.files, file, { method: 'HEAD' })).toMatchObject({ status: 200, body: null })
    expect(storedFileResponse(v.store.files, file, { method: 'POST' }).status).toBe(405)

    const blob = await v.store.files.add({ name: 'page.html' }, piecesOf(Buffer.from([0, 1, 2, 3, 0x3c])))
    expect(storedFileResponse(v.store.files, blob, {}).headers).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment' })
  })
})

describe('MIME sniffing', () => {
  const hex = (h: string) => Buffer.from(h, 'hex')
  it.each([
    ['image/png', hex('89504e470d0a1a0a0000000d49484452')],
    ['image/jpeg', hex('ffd8ffe000104a464946')],
    ['image/gif', Buffer.from('GIF89a\x01\x00', 'latin1')],
    ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['audio/wav', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ', 'latin1')],
    ['application/pdf', Buffer.from('%PDF-1.7\n')],
    ['video/mp4', hex('000000206674797069736f6d00000200')],
    ['video/quicktime', hex('0000001466747970717420200000000071742020')],
    ['video/webm', Buffer.concat([hex('1a45dfa3a34286810142f7810142f2810442f381084282'), Buffer.from('webm')])],
    ['video/x-matroska', Buffer.concat([hex('1a45dfa3a34286810142f7810142f2810442f381084282'), Buffer.from('matroska')])],
    ['audio/mpeg', Buffer.from('ID3\x04\x00\x00', 'latin1')],
    ['audio/mpeg', hex('fffb9064')],
    ['audio/ogg', Buffer.from('OggS\x00\x02')],
    ['text/plain', Buffer.from('Угроза в комментарии, 26 ноября\r\n')],
    ['application/octet-stream', hex('00010203')],
    ['application/octet-stream', Buffer.alloc(0)],
  ])('%s', (mime, bytes) => {
    expect(sniffMime(bytes, true)).toBe(mime)
  })

  it('a UTF-8 character cut at the end of a partial head is still text; invalid UTF-8 is not', () => {
    const text = Buffer.from('привет')
    expect(sniffMime(text.subarray(0, text.length - 1), false)).toBe('text/plain')
    expect(sniffMime(text.subarray(0, text.length - 1), true)).toBe('application/octet-stream')
    expect(sniffMime(hex('c328'), true)).toBe('application/octet-stream')
  })
})

describe('no plaintext of imported evidence on disk', () => {
  it('import, view (whole and by range), lock: the canary is nowhere under the vault or the temp directory', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const { dir, vault: v } = await vault()
    const source = join(await tempDir('sestra-source-'), 'evidence.txt')
    await writeFile(source, `${canary}\n`.repeat(200_000))
    const record = await intakeFile(v.store, source)
    // The source is the user's own file, outside the vault: remove it so the temp scan looks only at what we wrote.
    await writeFile(source, '')
    await collect(storedFileResponse(v.store.files, record, {}).body!)
    await collect(storedFileResponse(v.store.files, record, { range: 'bytes=1000-2000000' }).body!)
    v.lock()
    open = null
    expect(await filesContaining(dir, canary)).toEqual([])
    expect(await filesContaining(tmpdir(), canary)).toEqual([])
  })
})
