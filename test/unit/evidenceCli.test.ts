import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../main/vault/database'
import { databaseFile, unlockVault } from '../../main/vault/vault'
import { blobPathOf, flipByte } from '../support/blobFiles'
import { patterned } from '../support/evidenceVault'
import { cliPath, runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

const pass = 'cli evidence passphrase'
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** `file cat` writes raw bytes, which runCli would decode as text. */
function catBytes(dir: string, id: string): Promise<{ code: number; stdout: Buffer }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, 'file', 'cat', '--vault', dir, id], { env: { ...process.env, SESTRA_KDF: 'minimum' } })
    const parts: Buffer[] = []
    child.stdout.on('data', (d: Buffer) => parts.push(d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(parts) }))
    child.stdin.end(`${pass}\n`)
  })
}

async function initVault() {
  const dir = join(await tempDir(), 'vault')
  expect((await runCli(['init', '--vault', dir], `${pass}\n`)).code).toBe(0)
  return dir
}

describe('sestra CLI: evidence', () => {
  it('file add, list, cat; incident add, list; verify; report', async () => {
    const dir = await initVault()
    const work = await tempDir()
    const bytes = patterned(1024 * 1024 + 1)
    await writeFile(join(work, 'recording.bin'), bytes)

    const added = await runCli(['file', 'add', '--vault', dir, join(work, 'recording.bin')], `${pass}\n`)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    const fileId = added.stdout.trim()

    const listed = JSON.parse((await runCli(['file', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)
    expect(listed).toEqual([expect.objectContaining({ id: fileId, name: 'recording.bin', size: bytes.length, sha256: sha256(bytes) })])

    const cat = await catBytes(dir, fileId)
    expect(cat.code).toBe(0)
    expect(sha256(cat.stdout)).toBe(sha256(bytes))

    const incident = await runCli(
      ['incident', 'add', '--vault', dir, '--kind', 'call_to_violence', '--date', '2026-11-28', '--title', 'Repost with a call to violence', '--url', 'https://example.org/post/1', '--description', 'Fictional'],
      `${pass}\n`,
    )
    expect(incident.code).toBe(0)
    const incidentId = incident.stdout.trim()
    const second = await runCli(['file', 'add', '--vault', dir, join(work, 'recording.bin'), '--incident', incidentId], `${pass}\n`)
    expect(second.code).toBe(0)

    const incidents = JSON.parse((await runCli(['incident', 'list', '--vault', dir, '--json'], `${pass}\n`)).stdout)
    expect(incidents).toEqual([
      expect.objectContaining({ id: incidentId, kind: 'call_to_violence', occurredOn: '2026-11-28', url: 'https://example.org/post/1', fileIds: [second.stdout.trim()] }),
    ])
    const none = JSON.parse((await runCli(['incident', 'list', '--vault', dir, '--json', '--kind', 'threat'], `${pass}\n`)).stdout)
    expect(none).toEqual([])

    const verified = await runCli(['verify', '--vault', dir, '--json'], `${pass}\n`)
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ problems: [], files: 2 })

    const pdf = join(work, 'report.pdf')
    const manifest = join(work, 'manifest.json')
    const report = await runCli(['report', '--vault', dir, '--pdf', pdf, '--manifest', manifest, '--lang', 'ru', '--json'], `${pass}\n`)
    expect(report.code).toBe(0)
    expect(JSON.parse(report.stdout)).toMatchObject({ incidents: 1, files: 1, pdfSha256: sha256(await readFile(pdf)) })
    expect(JSON.parse(await readFile(manifest, 'utf8')).incidents[0].title).toBe('Repost with a call to violence')
  })

  it('file cat into a reader that stops early ends with a plain error, not a crash with a stack', async () => {
    const dir = await initVault()
    const work = await tempDir()
    await writeFile(join(work, 'long.bin'), patterned(8 * 1024 * 1024))
    const fileId = (await runCli(['file', 'add', '--vault', dir, join(work, 'long.bin')], `${pass}\n`)).stdout.trim()
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [cliPath, 'file', 'cat', '--vault', dir, fileId], { env: { ...process.env, SESTRA_KDF: 'minimum' } })
      let errors = ''
      child.stderr.on('data', (d: Buffer) => (errors += d.toString()))
      // The reader takes a little and goes away, as `| head -c 10` does.
      child.stdout.once('data', () => child.stdout.destroy())
      child.on('error', reject)
      child.on('close', (exit) => resolve({ code: exit ?? -1, stderr: errors }))
      child.stdin.end(`${pass}\n`)
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^sestra: /)
    expect(stderr).not.toMatch(/Unhandled|\n {4}at /)
  })

  it('verify exits 5 and names the damaged file', async () => {
    const dir = await initVault()
    const work = await tempDir()
    await writeFile(join(work, 'photo.jpg'), Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), patterned(5000)]))
    const fileId = (await runCli(['file', 'add', '--vault', dir, join(work, 'photo.jpg')], `${pass}\n`)).stdout.trim()

    const seen: Buffer[] = []
    const open = await unlockVault(dir, pass, { kdf: 'minimum', onKeyMaterial: (b) => seen.push(b) })
    const key = Buffer.from(seen[1]!)
    open.lock()
    const db = openDatabase(join(dir, databaseFile), key)
    await flipByte(blobPathOf(dir, db, fileId), 8)
    db.close()

    const verified = await runCli(['verify', '--vault', dir, '--json'], `${pass}\n`)
    expect(verified.code).toBe(5)
    expect(JSON.parse(verified.stdout).problems).toEqual([expect.objectContaining({ kind: 'file_content', recordId: fileId, label: 'photo.jpg' })])
    const plain = await runCli(['verify', '--vault', dir], `${pass}\n`)
    expect(plain.code).toBe(5)
    expect(plain.stdout).toContain(fileId)
  })

  it('usage errors exit 2', async () => {
    const dir = await initVault()
    const cases = [
      ['file', 'add', '--vault', dir],
      ['file', 'cat', '--vault', dir],
      ['incident', 'add', '--vault', dir, '--kind', 'rumour', '--date', '2026-11-28', '--title', 'T'],
      ['incident', 'add', '--vault', dir, '--kind', 'threat', '--date', '2026-02-30', '--title', 'T'],
      ['incident', 'list', '--vault', dir, '--from', 'yesterday'],
      ['report', '--vault', dir, '--pdf', 'a.pdf'],
    ]
    for (const args of cases) expect((await runCli(args, `${pass}\n`)).code, args.join(' ')).toBe(2)
  })
})
