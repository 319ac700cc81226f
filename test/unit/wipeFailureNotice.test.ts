import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { headerFile } from '../../main/vault/layout'
import { ipcApp } from '../support/ipcApp'

/*
 * A failed wipe locks the vault, and the shell replaces the renderer that saw
 * the error, so main keeps the report for the next renderer to ask for. The
 * failure is real: an immutable key file (chattr +i), which stops root too.
 */

const pass = 'wipe failure notice passphrase'
const run = promisify(execFile)
const isRoot = process.getuid?.() === 0

describe.skipIf(!isRoot)('a failed wipe is kept for the next renderer', () => {
  if (!isRoot) console.log('wipe failure notice tests skipped: chattr +i needs root')

  it('vaultState carries the report until it is acknowledged; a later wipe that succeeds clears it too', async () => {
    const app = await ipcApp()
    expect(await app.call('createVault', { passphrase: pass })).toMatchObject({ ok: true })
    expect(await app.call('vaultState')).toEqual({ ok: true, value: { state: 'unlocked', wipeFailure: null } })
    const header = join(app.service.dir, headerFile)

    const failOnce = async () => {
      await run('chattr', ['+i', header])
      try {
        expect(await app.call('panicWipe')).toMatchObject({ ok: false, code: 'WIPE_INCOMPLETE' })
      } finally {
        await run('chattr', ['-i', header])
      }
    }

    await failOnce()
    const after = (await app.call('vaultState')) as { value: { state: string; wipeFailure: string } }
    expect(after.value.state).toBe('locked')
    expect(after.value.wipeFailure).toMatch(new RegExp(`^WIPE INCOMPLETE: NOT destroyed: ${headerFile} NOT overwritten \\(EPERM\\)`))
    // Still there for a renderer that asks again (a second window, a reload).
    expect(await app.call('vaultState')).toMatchObject({ value: { wipeFailure: after.value.wipeFailure } })
    expect(await app.call('acknowledgeWipeFailure')).toMatchObject({ ok: true })
    expect(await app.call('vaultState')).toMatchObject({ value: { wipeFailure: null } })
    expect(await app.call('acknowledgeWipeFailure', { extra: 1 })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })

    await failOnce()
    expect(await app.call('vaultState')).toMatchObject({ value: { wipeFailure: expect.stringContaining('NOT destroyed') } })
    expect(await app.call('panicWipe')).toMatchObject({ ok: true })
    expect(await app.call('vaultState')).toEqual({ ok: true, value: { state: 'absent', wipeFailure: null } })
  })

  it('a duress passphrase whose wipe cannot finish leaves the report as well', async () => {
    const app = await ipcApp()
    expect(await app.call('createVault', { passphrase: pass })).toMatchObject({ ok: true })
    expect(await app.call('setDuressPassphrase', { current: pass, duress: 'quiet river under snow' })).toMatchObject({ ok: true })
    expect(await app.call('lock')).toMatchObject({ ok: true })
    const header = join(app.service.dir, headerFile)
    await run('chattr', ['+i', header])
    try {
      expect(await app.call('unlock', { passphrase: 'quiet river under snow' })).toMatchObject({ ok: false, code: 'WIPE_INCOMPLETE' })
    } finally {
      await run('chattr', ['-i', header])
    }
    expect(await app.call('vaultState')).toMatchObject({ value: { wipeFailure: expect.stringContaining(`${headerFile} NOT unlinked (EPERM)`) } })
  })
})
