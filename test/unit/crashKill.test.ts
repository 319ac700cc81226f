import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBundle } from '../../main/exchange/exportBundle'
import { stagingFolderFor } from '../../main/exchange/restoreBundle'
import { blobsDirectory } from '../../main/vault/layout'
import { PassphraseThrottle } from '../../main/vault/throttle'
import { createVault, unlockVault, type OpenVault } from '../../main/vault/vault'
import { cliPath, runCli } from '../support/runCli'
import { sha256 } from '../support/exchangeFixtures'

/*
 * kill -9 at a random moment of export, restore, import, `file add` and
 * `passwd`, run as the real CLI (build first: `npx electron-vite build`).
 * After each kill: nothing committed is lost, a restore target is absent or
 * complete, and once the same command has run again no partial file is left.
 */

const large = process.env.SESTRA_LARGE_TESTS === '1'
const kills = large ? 20 : 3
if (!large) console.log(`crash test: ${kills} kills per command; the long run (20 each) needs SESTRA_LARGE_TESTS=1`)

const passphrase = 'tundra violet anchor mosaic drizzle pepper'
const newPassphrase = 'plum saddle orbit vivid lantern ferry quartz'
const noWait = { kdf: 'minimum', throttle: new PassphraseThrottle({ sleep: async () => {} }) } as const

let work: string
/** The vault every run starts from (a copy of it), its committed files, and a bundle from another vault to it. */
let base: string
let committed: { contacts: number; files: Record<string, string> }
let incoming: { bundle: string; contacts: number; files: number }
let bigFile: string

async function* once(bytes: Uint8Array) {
  yield bytes
}

async function vaultWith(dir: string, contacts: number, fileSizes: number[]) {
  await createVault(dir, passphrase, { kdf: 'minimum' })
  const vault = await unlockVault(dir, passphrase, { kdf: 'minimum' })
  for (let i = 0; i < contacts; i++) vault.store.contacts.create({ name: `Crash Contact ${i}` })
  for (const [i, size] of fileSizes.entries()) {
    await vault.store.files.add({ name: `evidence-${i}.bin`, mime: 'application/octet-stream' }, once(randomBytes(size)))
  }
  return vault
}

async function fileHashes(vault: OpenVault): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {}
  for (const file of vault.store.files.list()) {
    const parts: Uint8Array[] = []
    for await (const part of vault.store.files.read(file.id)) parts.push(part)
    hashes[file.id] = sha256(Buffer.concat(parts))
  }
  return hashes
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sestra-crash-'))
  base = join(work, 'base')
  const vault = await vaultWith(base, 5, [2 << 20, 1 << 20])
  committed = { contacts: vault.store.contacts.count(), files: await fileHashes(vault) }
  const other = await vaultWith(join(work, 'other'), 3, [8 << 20, 1000])
  incoming = { bundle: join(work, 'incoming.age'), contacts: 3, files: 2 }
  await exportBundle(other.store, { selection: { kind: 'vault' }, to: { recipients: [vault.store.identity.publicKey()] }, out: incoming.bundle })
  other.lock()
  vault.lock()
  bigFile = join(work, 'recording.bin')
  await writeFile(bigFile, randomBytes(16 << 20))
}, 120_000)

afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

/** Runs the CLI and kills it with SIGKILL after `killAfterMs` (or lets it finish if it is quicker). */
function runAndKill(args: string[], stdin: string, killAfterMs: number): Promise<{ killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: { ...process.env, SESTRA_KDF: 'minimum', LANG: 'C' },
      stdio: ['pipe', 'ignore', 'ignore'],
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(timer)
      resolve({ killed: signal === 'SIGKILL', ms: performance.now() - started })
    })
    child.stdin.end(stdin)
  })
}

let runNumber = 0
async function freshCopy(): Promise<string> {
  const dir = join(work, `run-${++runNumber}`)
  await cp(base, join(dir, 'vault'), { recursive: true })
  return dir
}

/** The committed content is all there, no blob is unaccounted for, and no temporary blob is left after the unlock's sweep. */
async function expectIntact(dir: string, pass = passphrase, extra = { contacts: [0], files: [0] }) {
  const vault = await unlockVault(dir, pass, noWait)
  try {
    expect(extra.contacts).toContain(vault.store.contacts.count() - committed.contacts)
    const hashes = await fileHashes(vault)
    for (const [id, hash] of Object.entries(committed.files)) expect(hashes[id]).toBe(hash)
    expect(extra.files).toContain(Object.keys(hashes).length - Object.keys(committed.files).length)
    const blobs = await readdir(join(dir, blobsDirectory))
    expect(blobs.filter((name) => name.endsWith('.tmp'))).toEqual([])
    expect(blobs).toHaveLength(Object.keys(hashes).length)
    return { contacts: vault.store.contacts.count() - committed.contacts, files: Object.keys(hashes).length - Object.keys(committed.files).length }
  } finally {
    vault.lock()
  }
}

interface Scenario {
  args: (dir: string) => string[]
  stdin: string
  /** After a kill (and after a full rerun): what must hold. */
  check: (dir: string, rerun: boolean) => Promise<void>
}

const scenarios: Record<string, Scenario> = {
  export: {
    args: (dir) => ['export', '--vault', join(dir, 'vault'), '--out', join(dir, `out-${randomBytes(3).toString('hex')}.age`), '--to', publicKey],
    stdin: `${passphrase}\n`,
    async check(dir, rerun) {
      await expectIntact(join(dir, 'vault'))
      const left = (await readdir(dir)).filter((name) => name !== 'vault')
      if (rerun) expect(left.filter((name) => name.endsWith('.partial'))).toEqual([])
      for (const bundle of left.filter((name) => name.endsWith('.age'))) {
        // A bundle in place is a whole one: it imports into a copy of the vault it came from.
        const copy = await freshCopy()
        expect((await runCli(['import', '--vault', join(copy, 'vault'), '--in', join(dir, bundle)], `${passphrase}\n`)).code).toBe(0)
      }
    },
  },
  restore: {
    args: (dir) => ['restore', '--vault', join(dir, 'restored'), '--in', incoming.bundle, '--identity-from', join(dir, 'vault')],
    stdin: `${passphrase}\n${newPassphrase}\n`,
    async check(dir, rerun) {
      const left = await readdir(dir)
      if (rerun) expect(left).not.toContain(stagingFolderFor('restored'))
      if (!left.includes('restored')) return expect(rerun).toBe(false)
      // Absent or complete: never a vault that opens and holds nothing.
      const vault = await unlockVault(join(dir, 'restored'), newPassphrase, noWait)
      expect(vault.store.contacts.count()).toBe(incoming.contacts)
      expect(vault.store.files.count()).toBe(incoming.files)
      vault.lock()
    },
  },
  import: {
    args: (dir) => ['import', '--vault', join(dir, 'vault'), '--in', incoming.bundle],
    stdin: `${passphrase}\n`,
    async check(dir) {
      // All or nothing.
      const added = await expectIntact(join(dir, 'vault'), passphrase, { contacts: [0, incoming.contacts], files: [0, incoming.files] })
      expect(added.contacts === 0).toBe(added.files === 0)
    },
  },
  'file add': {
    args: (dir) => ['file', 'add', '--vault', join(dir, 'vault'), bigFile],
    stdin: `${passphrase}\n`,
    async check(dir, rerun) {
      // A kill after the commit but before exit leaves the file in; the rerun then adds it a second time.
      await expectIntact(join(dir, 'vault'), passphrase, { contacts: [0], files: rerun ? [1, 2] : [0, 1] })
    },
  },
  passwd: {
    args: (dir) => ['passwd', '--vault', join(dir, 'vault')],
    stdin: `${passphrase}\n${newPassphrase}\n`,
    async check(dir) {
      // Exactly one of the two passphrases opens it, with everything in it.
      const opens = async (pass: string) => unlockVault(join(dir, 'vault'), pass, noWait).then((v) => (v.lock(), true), () => false)
      const [old, next] = [await opens(passphrase), await opens(newPassphrase)]
      expect(old !== next).toBe(true)
      await expectIntact(join(dir, 'vault'), old ? passphrase : newPassphrase)
    },
  },
}

let publicKey: string

describe(`kill -9 at random points (${kills} times each)`, () => {
  beforeAll(async () => {
    const vault = await unlockVault(base, passphrase, noWait)
    publicKey = vault.store.identity.publicKey()
    vault.lock()
  })

  it.each(Object.keys(scenarios))('%s', async (name) => {
    const scenario = scenarios[name]!
    // One whole run first: it must work, and its length sets the range of kill times.
    const control = await freshCopy()
    const whole = await runAndKill(scenario.args(control), scenario.stdin, 120_000)
    expect(whole.killed).toBe(false)
    await scenario.check(control, true)
    for (let i = 0; i < kills; i++) {
      const dir = await freshCopy()
      await runAndKill(scenario.args(dir), scenario.stdin, Math.random() * whole.ms)
      await scenario.check(dir, false)
      // The same command again, to the end, leaves nothing half-made (a passphrase is changed once).
      if (name !== 'passwd') {
        expect((await runAndKill(scenario.args(dir), scenario.stdin, 120_000)).killed).toBe(false)
        await scenario.check(dir, true)
      }
      await rm(dir, { recursive: true, force: true })
    }
  }, (large ? 60 : 10) * 60_000)
})
