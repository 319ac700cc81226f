import { createHash } from 'node:crypto'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ipcApp } from '../support/ipcApp'
import { tempDir } from '../support/tempDirs'
import { jobIdOf, waitForJob } from '../support/waitForJob'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function unlockedApp() {
  const app = await ipcApp()
  await app.service.create('evidence ipc passphrase')
  const value = async <T>(name: string, input?: unknown): Promise<T> => {
    const envelope = await app.call(name, input)
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.code}`)
    return envelope.value as T
  }
  return { ...app, value }
}

describe('evidence over IPC', () => {
  it('incidents with custody, timeline filters, files imported through the dialog, verify and report as jobs', async () => {
    const { call, value, dialogs, service } = await unlockedApp()
    const source = join(await tempDir(), 'shot.gif')
    await writeFile(source, Buffer.from('GIF89a fictional'))
    dialogs.willOpen([source])
    const imported = await waitForJob(call, jobIdOf(await call('importFiles', {})))
    expect(imported).toMatchObject({ kind: 'import', state: 'done', done: 16, total: 16 })
    const [fileId] = (imported.result as { fileIds: string[] }).fileIds

    const created = await value<{ id: string; fileIds: string[] }>('createIncident', {
      title: 'Comment with a threat',
      kind: 'threat',
      occurredOn: '2026-11-26',
      fileIds: [fileId],
    })
    expect(created.fileIds).toEqual([fileId])
    const { id } = created
    expect(await call('updateIncident', { id, patch: { severity: 'high' } })).toMatchObject({ ok: true, value: { severity: 'high', title: 'Comment with a threat' } })
    expect(await call('annotateIncident', { id, text: 'Seen by two witnesses' })).toMatchObject({ ok: true, value: { action: 'annotated' } })
    const log = await value<{ action: string }[]>('custodyLog', { subjectType: 'incident', id })
    expect(log.map((e) => e.action)).toEqual(['created', 'file_attached', 'edited', 'annotated'])

    expect(await call('listIncidents', { kinds: ['threat'] })).toMatchObject({ ok: true, value: { total: 1 } })
    expect(await call('listIncidents', { kinds: ['detention'] })).toMatchObject({ ok: true, value: { total: 0 } })
    expect(await call('listIncidents', { from: 'not a date' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('createIncident', { title: 'X', kind: 'gossip', occurredOn: '2026-11-26' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    expect(await call('listFiles', {})).toMatchObject({ ok: true, value: { total: 1, items: [{ id: fileId, mime: 'image/gif', name: 'shot.gif' }] } })

    const verified = await waitForJob(call, jobIdOf(await call('verifyVault')))
    expect(verified).toMatchObject({ kind: 'verify', state: 'done', done: 16, total: 16, result: { problems: [], files: 1 } })

    // The renderer cannot name a path: only the save dialog does, and the manifest goes beside the PDF.
    expect(await call('exportReport', { language: 'ru', pdfPath: '/tmp/chosen-by-renderer.pdf' })).toMatchObject({ ok: true, value: null })
    const out = await tempDir()
    dialogs.willSave(join(out, 'r.pdf'))
    const exported = await waitForJob(call, jobIdOf(await call('exportReport', { language: 'ru' })))
    expect(exported).toMatchObject({
      kind: 'report',
      state: 'done',
      result: { incidents: 1, files: 1, pdfPath: join(out, 'r.pdf'), manifestPath: join(out, 'r.manifest.json') },
    })
    expect((await readFile(join(out, 'r.pdf'))).subarray(0, 5).toString()).toBe('%PDF-')
    expect(JSON.parse(await readFile(join(out, 'r.manifest.json'), 'utf8'))).toMatchObject({ language: 'ru', incidents: [{ id }] })
    // The same place again: an export never overwrites.
    dialogs.willSave(join(out, 'r.pdf'))
    expect(await waitForJob(call, jobIdOf(await call('exportReport', {})))).toMatchObject({ state: 'failed', error: 'FILE_EXISTS' })
    expect(service.jobs.count).toBe(0)

    expect(await call('deleteFile', { id: fileId })).toMatchObject({ ok: true })
    expect(await call('getIncident', { id })).toMatchObject({ ok: true, value: { fileIds: [] } })
    expect((await waitForJob(call, jobIdOf(await call('verifyVault')))).result).toMatchObject({ problems: [] })
    service.lock()
  })

  it('imports several files into an incident as one job, saves a copy byte for byte, and logs the copy', async () => {
    const { call, value, dialogs, service } = await unlockedApp()
    const dir = await tempDir()
    const first = Buffer.from('\x89PNG\r\n\x1a\n fictional one')
    const second = Buffer.alloc(3 * 1024 * 1024 + 7, 0x61)
    await writeFile(join(dir, 'one.png'), first)
    await writeFile(join(dir, 'two.txt'), second)
    const incident = await value<{ id: string }>('createIncident', { title: 'Doxxing article', kind: 'publication_doxxing', occurredOn: '2026-11-27' })

    dialogs.willOpen([join(dir, 'one.png'), join(dir, 'two.txt')])
    const job = await waitForJob(call, jobIdOf(await call('importFiles', { incidentId: incident.id })))
    const total = first.length + second.length
    expect(job).toMatchObject({ state: 'done', done: total, total })
    const { fileIds } = job.result as { fileIds: string[] }
    expect(fileIds).toHaveLength(2)
    expect(await value('getIncident', { id: incident.id })).toMatchObject({ fileIds: expect.arrayContaining(fileIds) })

    const copy = join(dir, 'copy.txt')
    dialogs.willSave(copy)
    const saved = await waitForJob(call, jobIdOf(await call('saveFileCopy', { id: fileIds[1] })))
    expect(saved).toMatchObject({ kind: 'copy', state: 'done', done: second.length, total: second.length, result: { path: copy, size: second.length, sha256: sha256(second) } })
    expect(sha256(await readFile(copy))).toBe(sha256(second))
    expect((await stat(copy)).mode & 0o077).toBe(0)
    const fileLog = await value<{ action: string; detail: Record<string, unknown> }[]>('custodyLog', { subjectType: 'file', id: fileIds[1] })
    expect(fileLog.map((e) => e.action)).toEqual(['intake', 'attached', 'exported'])
    expect(fileLog[2]?.detail).toMatchObject({ format: 'copy', sha256: sha256(second) })

    // Cancelled dialogs start nothing.
    expect(await call('importFiles', {})).toMatchObject({ ok: true, value: null })
    expect(await call('saveFileCopy', { id: fileIds[0] })).toMatchObject({ ok: true, value: null })
    expect(await call('saveFileCopy', { id: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call('importFiles', { incidentId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await call('saveFileCopy', { id: fileIds[0], path: '/tmp/x' })).toMatchObject({ ok: true, value: null })
    service.lock()
  })

  it('adds a whole folder, subfolders included, through the folder dialog as one job', async () => {
    const { call, value, dialogs, service } = await unlockedApp()
    const folder = join(await tempDir(), 'evidence')
    await mkdir(join(folder, 'march'), { recursive: true })
    await writeFile(join(folder, 'letter.txt'), 'fictional threat letter')
    await writeFile(join(folder, 'photo.png'), Buffer.from('\x89PNG\r\n\x1a\n fictional'))
    await writeFile(join(folder, 'march', 'call.txt'), 'fictional call log')
    const incident = await value<{ id: string }>('createIncident', { title: 'Threats by mail', kind: 'threat', occurredOn: '2026-11-28' })

    dialogs.willOpen([folder])
    const job = await waitForJob(call, jobIdOf(await call('importFolders', { incidentId: incident.id })))
    expect(dialogs.opened).toEqual(['evidenceFolders'])
    expect(job).toMatchObject({ kind: 'import', state: 'done', result: { fileIds: expect.any(Array), originals: { count: 3 } } })
    const names = (await value<{ items: { name: string }[] }>('listFiles', {})).items.map((f) => f.name)
    expect(names.sort()).toEqual(['call.txt', 'letter.txt', 'photo.png'])
    expect(await value('getIncident', { id: incident.id })).toMatchObject({ fileIds: (job.result as { fileIds: string[] }).fileIds })

    // The files button still asks for files; a cancelled folder dialog starts nothing.
    expect(await call('importFiles', {})).toMatchObject({ ok: true, value: null })
    expect(await call('importFolders', {})).toMatchObject({ ok: true, value: null })
    expect(dialogs.opened).toEqual(['evidenceFolders', 'evidence', 'evidenceFolders'])
    expect(await call('importFolders', { incidentId: 'not an id' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
    service.lock()
  })

  it('a cancelled import leaves no file record, not even of the files already in', async () => {
    const { call, value, dialogs, service } = await unlockedApp()
    const dir = await tempDir()
    await writeFile(join(dir, 'small.txt'), 'fictional small file')
    await writeFile(join(dir, 'big.bin'), Buffer.alloc(48 * 1024 * 1024, 1))
    const incident = await value<{ id: string }>('createIncident', { title: 'Police visit', kind: 'police_action', occurredOn: '2026-11-28' })
    dialogs.willOpen([join(dir, 'small.txt'), join(dir, 'big.bin')])
    const jobId = jobIdOf(await call('importFiles', { incidentId: incident.id }))
    // Cancel once the second file is on its way in.
    for (;;) {
      const status = await value<{ done: number }>('jobStatus', { id: jobId })
      if (status.done > 20) break
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(await call('cancelJob', { id: jobId })).toMatchObject({ ok: true })
    expect(await waitForJob(call, jobId)).toMatchObject({ state: 'cancelled', error: 'ABORTED' })
    expect(await value('listFiles', {})).toEqual({ items: [], total: 0 })
    expect(await value('getIncident', { id: incident.id })).toMatchObject({ fileIds: [] })
    expect((await value<{ action: string }[]>('custodyLog', { subjectType: 'incident', id: incident.id })).map((e) => e.action)).toEqual(['created'])
    service.lock()
  })

  it('refuses while locked, before any dialog opens', async () => {
    const { call, dialogs } = await ipcApp()
    dialogs.willOpen(['/nonexistent/file.png'])
    dialogs.willSave('/nonexistent/report.pdf')
    expect(await call('importFiles', {})).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(await call('exportReport', {})).toMatchObject({ ok: false, code: 'LOCKED' })
    expect(await call('verifyVault')).toMatchObject({ ok: false, code: 'LOCKED' })
    // The scripted answers are still waiting: no dialog was shown.
    expect(await dialogs.openFiles('evidence')).toEqual(['/nonexistent/file.png'])
    expect(await dialogs.saveFile()).toBe('/nonexistent/report.pdf')
  })
})
