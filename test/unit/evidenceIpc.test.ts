import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { intakeFile } from '../../main/evidence/intake'
import { dispatch } from '../../main/ipc/dispatch'
import { evidenceHandlers } from '../../main/evidence/handlers'
import type { Handlers } from '../../shared/ipc-schema'
import { VaultService } from '../../main/vault/service'
import { PassphraseThrottle } from '../../main/vault/throttle'
import { tempDir } from '../support/tempDirs'

type Ok<T> = { ok: true; value: T }

describe('evidence over IPC', () => {
  it('incidents with custody, timeline filters, files, verify and report through dispatch', async () => {
    const dir = join(await tempDir(), 'vault')
    const service = new VaultService(dir, { kdf: 'minimum', throttle: new PassphraseThrottle({ sleep: async () => {} }) })
    // Only the evidence part of the table: the rest of createHandlers is not what this test is about.
    const handlers = evidenceHandlers(service) as Handlers
    const call = async <T>(name: string, input?: unknown) => dispatch(handlers, name, input) as Promise<Ok<T> | { ok: false; code: string }>
    await service.create('evidence ipc passphrase')

    const source = join(await tempDir(), 'shot.gif')
    await writeFile(source, Buffer.from('GIF89a fictional'))
    const file = await intakeFile(service.store, source)

    const created = (await call<{ id: string; fileIds: string[] }>('createIncident', {
      title: 'Comment with a threat',
      kind: 'threat',
      occurredOn: '2026-11-26',
      fileIds: [file.id],
    })) as Ok<{ id: string; fileIds: string[] }>
    expect(created.value.fileIds).toEqual([file.id])
    const { id } = created.value
    expect(await call('updateIncident', { id, patch: { severity: 'high' } })).toMatchObject({ ok: true, value: { severity: 'high', title: 'Comment with a threat' } })
    expect(await call('annotateIncident', { id, text: 'Seen by two witnesses' })).toMatchObject({ ok: true, value: { action: 'annotated' } })
    const log = (await call<{ action: string }[]>('custodyLog', { subjectType: 'incident', id })) as Ok<{ action: string }[]>
    expect(log.value.map((e) => e.action)).toEqual(['created', 'file_attached', 'edited', 'annotated'])

    expect(await call('listIncidents', { kinds: ['threat'] })).toMatchObject({ ok: true, value: { total: 1 } })
    expect(await call('listIncidents', { kinds: ['detention'] })).toMatchObject({ ok: true, value: { total: 0 } })
    expect(await call('listIncidents', { from: 'not a date' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('createIncident', { title: 'X', kind: 'gossip', occurredOn: '2026-11-26' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('listFiles', {})).toMatchObject({ ok: true, value: { total: 1, items: [{ id: file.id, mime: 'image/gif' }] } })

    expect(await call('verifyVault')).toMatchObject({ ok: true, value: { problems: [], files: 1 } })
    const out = await tempDir()
    expect(await call('exportReport', { pdfPath: join(out, 'r.pdf'), manifestPath: join(out, 'r.json'), language: 'ru' })).toMatchObject({
      ok: true,
      value: { incidents: 1, files: 1 },
    })
    expect(service.jobs.count).toBe(0)

    expect(await call('deleteFile', { id: file.id })).toMatchObject({ ok: true })
    expect(await call('getIncident', { id })).toMatchObject({ ok: true, value: { fileIds: [] } })
    expect(await call('verifyVault')).toMatchObject({ ok: true, value: { problems: [] } })
    service.lock()
  })
})
