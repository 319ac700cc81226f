import { execFile } from 'node:child_process'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { FailedUnlocks, maximumFailures } from '../../main/vault/failedUnlocks'
import { failuresFile } from '../../main/vault/layout'
import { VaultService } from '../../main/vault/service'
import { PassphraseThrottle } from '../../main/vault/throttle'
import { createVault, unlockVault, type VaultOptions } from '../../main/vault/vault'
import { asNobody, runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

const pass = 'throttle test passphrase'
const run = promisify(execFile)
const isRoot = process.getuid?.() === 0
if (!isRoot) console.log('throttle: the wrong-permissions case is skipped: it needs root to read as the user nobody')

/** A throttle on a fake clock that records every wait instead of sleeping. */
function recordingThrottle(start = 1_000_000) {
  const clock = { now: start, waits: [] as number[] }
  const throttle = new PassphraseThrottle({
    baseMs: 100,
    maxMs: 350,
    now: () => clock.now,
    sleep: async (ms) => {
      clock.waits.push(ms)
      clock.now += ms
    },
  })
  return { clock, throttle }
}

async function newVault() {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, pass, { kdf: 'minimum' })
  return dir
}

const wrong = (dir: string, options: VaultOptions) =>
  expect(unlockVault(dir, 'not the passphrase', { kdf: 'minimum', ...options })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })

describe('one wrong-passphrase policy in the core', () => {
  it('waits longer after each wrong passphrase, counted on disk, and resets on success', async () => {
    const dir = await newVault()
    const { clock, throttle } = recordingThrottle()
    for (let i = 0; i < 4; i++) await wrong(dir, { throttle })
    expect(clock.waits).toEqual([100, 200, 350])
    expect(await new FailedUnlocks(join(dir, failuresFile)).count()).toBe(4)
    ;(await unlockVault(dir, pass, { kdf: 'minimum', throttle })).lock()
    expect(clock.waits).toEqual([100, 200, 350, 350])
    expect(await new FailedUnlocks(join(dir, failuresFile)).count()).toBe(0)
  })

  it('keeps the delay across a restart: a new process still waits out what is left', async () => {
    const dir = await newVault()
    const first = recordingThrottle()
    await wrong(dir, { throttle: first.throttle })
    await wrong(dir, { throttle: first.throttle })
    // "Restart" 50 ms after the second failure: 150 ms of its 200 ms are left.
    const restarted = recordingThrottle(first.clock.now + 50)
    await wrong(dir, { throttle: restarted.throttle })
    expect(restarted.clock.waits).toEqual([150])
  })

  it('a clock set back does not skip the delay', async () => {
    const dir = await newVault()
    const first = recordingThrottle()
    await wrong(dir, { throttle: first.throttle })
    const backwards = recordingThrottle(first.clock.now - 3_600_000)
    await wrong(dir, { throttle: backwards.throttle })
    expect(backwards.clock.waits).toEqual([100])
  })

  it.each([
    ['garbage', (path: string) => writeFile(path, '{ not json')],
    ['a negative count', (path: string) => writeFile(path, JSON.stringify({ count: -5, lastFailureAt: 0 }))],
    ['a folder in its place', (path: string) => mkdir(path)],
  ])('a counter that cannot be read (%s) counts as the maximum, not zero', async (_name, damage) => {
    const dir = await newVault()
    await damage(join(dir, failuresFile))
    expect(await new FailedUnlocks(join(dir, failuresFile)).count()).toBe(maximumFailures)
    const { clock, throttle } = recordingThrottle()
    await wrong(dir, { throttle })
    expect(clock.waits).toEqual([350])
    // With "wipe after N" on, the next wrong passphrase is past any limit.
    const limited = { throttle, failurePolicy: { limit: async () => 10 } }
    await wrong(dir, limited)
    await expect(unlockVault(dir, pass, { kdf: 'minimum' })).rejects.toMatchObject({ code: 'NOT_A_VAULT' })
  })

  it.skipIf(!isRoot)('a counter its reader may not read (wrong permissions) counts as the maximum', async () => {
    // Permissions do not bind root, so the reader runs as the unprivileged user nobody.
    const dir = await tempDir()
    await chmod(dir, 0o755)
    await writeFile(join(dir, failuresFile), JSON.stringify({ count: 0, lastFailureAt: 0 }), { mode: 0o600 })
    const script = `const { FailedUnlocks } = await import(${JSON.stringify(join(import.meta.dirname, '../../main/vault/failedUnlocks.ts'))});
      console.log(await new FailedUnlocks(${JSON.stringify(join(dir, failuresFile))}).count())`
    const { stdout } = await run('setpriv', [...asNobody.slice(1), process.execPath, '--import', 'tsx', '--input-type=module', '-e', script])
    expect(Number(stdout)).toBe(maximumFailures)
  })

  it('checking a passphrase to change it counts failures too, and needs an unlocked vault', async () => {
    const dir = join(await tempDir(), 'vault')
    const { clock, throttle } = recordingThrottle()
    const service = new VaultService(dir, { kdf: 'minimum', throttle })
    await service.create(pass)
    service.lock()
    await expect(service.changePassphrase(pass, 'a new passphrase for later')).rejects.toMatchObject({ code: 'LOCKED' })
    await service.unlock(pass)
    await expect(service.changePassphrase('wrong guess one', 'a new passphrase for later')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    await expect(service.changePassphrase('wrong guess two', 'a new passphrase for later')).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    })
    expect(clock.waits).toEqual([100])
    expect(await new FailedUnlocks(join(dir, failuresFile)).count()).toBe(2)
    service.lock()
    await service.unlock(pass)
    expect(clock.waits).toEqual([100, 200])
  })

  it('does not count other failures as guesses', async () => {
    const dir = await newVault()
    const { throttle } = recordingThrottle()
    await expect(unlockVault(join(dir, 'missing'), pass, { throttle })).rejects.toMatchObject({ code: 'NOT_A_VAULT' })
    expect(await new FailedUnlocks(join(dir, failuresFile)).count()).toBe(0)
  })

  it('the CLI counts wrong passphrases in the same counter and waits out the delay', async () => {
    const dir = await newVault()
    expect((await runCli(['contact', 'list', '--vault', dir], 'wrong wrong wrong\n')).code).toBe(3)
    expect(JSON.parse(await readFile(join(dir, failuresFile), 'utf8'))).toMatchObject({ count: 1 })
    // Two failures a moment ago: the next run waits about a second before it even checks.
    await writeFile(join(dir, failuresFile), JSON.stringify({ count: 2, lastFailureAt: Date.now() }))
    const started = performance.now()
    expect((await runCli(['contact', 'list', '--vault', dir], `${pass}\n`)).code).toBe(0)
    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
    expect(JSON.parse(await readFile(join(dir, failuresFile), 'utf8'))).toMatchObject({ count: 0 })
  })
})
