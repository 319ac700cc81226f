import { randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { vaultFileResponse } from '../../main/vaultFileRoute'
import { collect } from '../support/evidenceVault'
import { ipcApp } from '../support/ipcApp'
import { filesContaining } from '../support/scanForCanary'
import { tempDir } from '../support/tempDirs'
import { jobIdOf, waitForJob } from '../support/waitForJob'

describe('no plaintext of evidence leaves the vault', () => {
  it('a canary file imported over IPC and viewed through /vault-files/ leaves no trace in the data dir or temp dir after lock', async () => {
    const canary = `CANARY${randomBytes(12).toString('hex')}`
    const { call, dialogs, service, dataDir } = await ipcApp()
    await service.create('evidence leakage passphrase')
    const source = join(await tempDir(), `evidence-${canary}.txt`)
    const content = Buffer.from(`${canary}\n`.repeat(200_000))
    await writeFile(source, content)
    dialogs.willOpen([source])
    const job = await waitForJob(call, jobIdOf(await call('importFiles', {})))
    const [id] = (job.result as { fileIds: string[] }).fileIds
    // The original is the person's own file; only what Sestra writes is under test.
    await rm(source)

    const whole = await vaultFileResponse(service, `/vault-files/${id}`, { method: 'GET', range: null })
    expect(whole.status).toBe(200)
    expect((await collect(whole.body!)).equals(content)).toBe(true)
    const seek = await vaultFileResponse(service, `/vault-files/${id}`, { method: 'GET', range: 'bytes=1048570-1048600' })
    expect(seek.status).toBe(206)
    expect((await collect(seek.body!)).equals(content.subarray(1048570, 1048601))).toBe(true)
    expect(await call('createIncident', { title: `Threat ${canary}`, kind: 'threat', occurredOn: '2026-11-26', fileIds: [id] })).toMatchObject({ ok: true })
    expect((await waitForJob(call, jobIdOf(await call('verifyVault')))).state).toBe('done')
    expect(await call('lock')).toMatchObject({ ok: true })
    expect((await vaultFileResponse(service, `/vault-files/${id}`, { method: 'GET', range: null })).status).toBe(404)

    expect(await filesContaining(dataDir, canary)).toEqual([])
    expect(await filesContaining(tmpdir(), canary)).toEqual([])
  })
})
