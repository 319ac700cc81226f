import { execFile } from 'node:child_process'
import { chmod, chown, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { blobsDirectory, databaseFile, headerFile } from '../../main/vault/layout'
import { VaultService } from '../../main/vault/service'
import { createVault, unlockVault } from '../../main/vault/vault'
import { wipeVault } from '../../main/vault/wipe'
import { ipcApp } from '../support/ipcApp'
import { asNobody, runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

/*
 * chmod does not bind root, and these tests run as root. So the permission
 * matrix runs the real CLI as the unprivileged user `nobody` (setpriv), over
 * files owned by nobody (who may chmod them) or by root (who may not be
 * overridden), and the root-only cases use the immutable flag (chattr +i),
 * which stops root as well. No filesystem call is faked.
 */

const pass = 'wipe permissions passphrase'
const fast = { kdf: 'minimum' } as const
const nobody = 65534 // the uid `asNobody` runs as
const run = promisify(execFile)
const isRoot = process.getuid?.() === 0

async function vaultWithBlob(parent: string) {
  const dir = join(parent, 'vault')
  await createVault(dir, pass, fast)
  await mkdir(join(dir, blobsDirectory), { recursive: true })
  return dir
}

/** One vault made once and copied per case: Argon2id 24 times over would only slow the matrix. */
let template: Promise<string> | undefined
async function copyOfVault(parent: string) {
  template ??= mkdtemp(join(tmpdir(), 'sestra-wipe-template-')).then(vaultWithBlob)
  const dir = join(parent, 'vault')
  await cp(await template, dir, { recursive: true })
  return dir
}
afterAll(async () => {
  if (template) await rm(dirname(await template), { recursive: true, force: true })
})

const canOpen = (dir: string) =>
  unlockVault(dir, pass, fast).then(
    (v) => (v.lock(), true),
    () => false,
  )

const wipeAsNobody = (dir: string) => runCli(['wipe', '--vault', dir, '--json'], '', {}, asNobody)

type Owner = 'nobody' | 'root'
interface Case {
  header: { owner: Owner; mode: number }
  db: { owner: Owner; mode: number }
  folder: { owner: Owner; mode: number }
}

// For a folder nobody does not own, its mode cannot matter (nobody never gets write on it).
const headers = [0o600, 0o400].flatMap((mode) => (['nobody', 'root'] as const).map((owner) => ({ owner, mode })))
// Unlinking the database depends on the folder alone; read-only is the harder mode for the blob folder's owner.
const databases = (['nobody', 'root'] as const).map((owner) => ({ owner, mode: 0o400 }))
const folders = [
  { owner: 'nobody', mode: 0o700 },
  { owner: 'nobody', mode: 0o500 },
  { owner: 'root', mode: 0o700 },
] as const
const cases: Case[] = headers.flatMap((header) => databases.flatMap((db) => folders.map((folder) => ({ header, db, folder }))))

const name = (c: Case) =>
  `header ${c.header.owner} ${c.header.mode.toString(8)}, db ${c.db.owner} ${c.db.mode.toString(8)}, folder ${c.folder.owner} ${c.folder.mode.toString(8)}`

async function setUp(parent: string, c: Case) {
  const dir = await copyOfVault(parent)
  const uid = (owner: Owner) => (owner === 'nobody' ? nobody : 0)
  // Whoever owns a file, nobody may read it (a root-owned 0400 file is other-readable here).
  const readable = (owner: Owner, mode: number) => (owner === 'root' ? mode | 0o044 : mode)
  await chmod(parent, 0o755)
  await chown(join(dir, headerFile), uid(c.header.owner), uid(c.header.owner))
  await chmod(join(dir, headerFile), readable(c.header.owner, c.header.mode))
  for (const file of [databaseFile, blobsDirectory]) {
    await chown(join(dir, file), uid(c.db.owner), uid(c.db.owner))
    await chmod(join(dir, file), file === blobsDirectory ? 0o755 : readable(c.db.owner, c.db.mode))
  }
  await chown(dir, uid(c.folder.owner), uid(c.folder.owner))
  await chmod(dir, c.folder.owner === 'root' ? c.folder.mode | 0o055 : c.folder.mode)
  return dir
}

describe.skipIf(!isRoot)('wipe: every permission combination, run as an unprivileged user', () => {
  if (!isRoot) console.log('wipe permission matrix skipped: it needs root to hand files to `nobody`')

  it.each(cases.map((c) => [name(c), c] as const))('%s', async (_name, c) => {
    const dir = await setUp(await tempDir(), c)
    const result = await wipeAsNobody(dir)
    const left = await readdir(dir)
    // Nobody may chmod what it owns: a header it owns is always overwritten; a folder it owns always lets go.
    const complete = c.header.owner === 'nobody' && c.folder.owner === 'nobody'
    const headerSurvives = c.header.owner === 'root' && c.folder.owner === 'root'
    if (complete) {
      expect(result.code, result.stderr).toBe(0)
      expect(Object.keys(JSON.parse(result.stdout))).toEqual(['headerDestroyedMs', 'databaseRemovedMs', 'blobsRemovedMs', 'filesRemovedMs'])
      expect(left).toEqual([])
    } else {
      // Never silent: a failure code and one loud line naming what is left and what is gone.
      expect(result.code).not.toBe(0)
      expect(result.stdout).toBe('')
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/WIPE INCOMPLETE: NOT destroyed: .*; destroyed: /)
      for (const file of left) expect(lines[0]).toContain(`${file} NOT`)
      if (c.folder.owner === 'root') expect(lines[0]).toContain(`${headerFile} NOT unlinked`)
      if (c.header.owner === 'root') expect(lines[0]).toContain(`${headerFile} NOT overwritten`)
    }
    await chmod(dir, 0o700)
    expect(await canOpen(dir)).toBe(headerSurvives)
  })
})

async function withImmutable<T>(paths: string[], body: () => Promise<T>): Promise<T> {
  await run('chattr', ['+i', ...paths])
  try {
    return await body()
  } finally {
    await run('chattr', ['-i', ...paths])
  }
}

describe.skipIf(!isRoot)('wipe as root: immutable files stop root too', () => {
  if (!isRoot) console.log('immutable-flag wipe tests skipped: chattr +i needs root')

  it('an immutable header: still removes the rest, and says the vault is NOT destroyed', async () => {
    const dir = await vaultWithBlob(await tempDir())
    const error = await withImmutable([join(dir, headerFile)], () => wipeVault(dir).catch((e: unknown) => e))
    expect(error).toMatchObject({ code: 'WIPE_INCOMPLETE' })
    expect((error as { detail: string }).detail).toMatch(
      new RegExp(`NOT destroyed: ${headerFile} NOT overwritten \\(EPERM\\), ${headerFile} NOT unlinked \\(EPERM\\); destroyed: ${databaseFile} removed, ${blobsDirectory} removed`),
    )
    expect(await readdir(dir)).toEqual([headerFile])
  })

  it('an immutable folder: the header is overwritten in place, and what stays is named', async () => {
    const dir = await vaultWithBlob(await tempDir())
    const error = await withImmutable([dir], () => wipeVault(dir).catch((e: unknown) => e))
    expect(error).toMatchObject({ code: 'WIPE_INCOMPLETE' })
    expect((error as { detail: string }).detail).toContain(`destroyed: ${headerFile} overwritten`)
    expect((error as { detail: string }).detail).toContain(`${databaseFile} NOT removed (EPERM)`)
    expect(await canOpen(dir)).toBe(false)
  })

  it('the app: a wipe that did not finish is an error, and the shell is not told it worked', async () => {
    const app = await ipcApp()
    await app.call('createVault', { passphrase: pass })
    const wiped = vi.fn()
    app.service.onWipe(wiped)
    const header = join(app.service.dir, headerFile)
    const reply = await withImmutable([header], () => app.call('panicWipe'))
    expect(reply).toMatchObject({ ok: false, code: 'WIPE_INCOMPLETE' })
    expect(wiped).not.toHaveBeenCalled()
    expect(await app.service.state()).not.toBe('unlocked')
  })

  it('a header the owner made read-only is made writable, overwritten and unlinked', async () => {
    const dir = await vaultWithBlob(await tempDir())
    await chmod(join(dir, headerFile), 0o400)
    await writeFile(join(dir, blobsDirectory, 'a'.repeat(32)), 'ciphertext stand-in')
    const service = new VaultService(dir, fast)
    await service.wipe()
    expect(await readdir(dir)).toEqual([])
  })
})
