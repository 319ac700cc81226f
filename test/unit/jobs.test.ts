import { describe, expect, it, vi } from 'vitest'
import { Jobs } from '../../main/vault/jobs'
import { SestraError } from '../../shared/errors'

const untilAborted = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new SestraError('ABORTED'))))

describe('background jobs', () => {
  it('report progress while running and their result when done', async () => {
    const jobs = new Jobs()
    let finish!: () => void
    const id = jobs.start('import', async (_signal, progress) => {
      progress(10, 100)
      await new Promise<void>((resolve) => (finish = resolve))
      return { fileId: 'x' }
    })
    expect(jobs.status(id)).toMatchObject({ kind: 'import', state: 'running', done: 10, total: 100 })
    finish()
    await vi.waitFor(() => expect(jobs.status(id)).toMatchObject({ state: 'done', result: { fileId: 'x' } }))
    expect(jobs.count).toBe(0)
  })

  it('can be cancelled by id; a failure keeps only its error code', async () => {
    const jobs = new Jobs()
    const cancelled = jobs.start('export', (signal) => untilAborted(signal))
    const failed = jobs.start('export', async () => {
      throw new SestraError('DISK_FULL', 'while writing /home/someone/secret.age')
    })
    jobs.cancel(cancelled)
    await vi.waitFor(() => expect(jobs.status(cancelled).state).toBe('cancelled'))
    await vi.waitFor(() => expect(jobs.status(failed)).toMatchObject({ state: 'failed', error: 'DISK_FULL' }))
    expect(JSON.stringify(jobs.status(failed))).not.toContain('secret')
  })

  it('are all aborted at once by a wipe', async () => {
    const jobs = new Jobs()
    const ids = [jobs.start('import', untilAborted), jobs.start('export', untilAborted)]
    const waited = jobs.run(untilAborted).catch((e: SestraError) => e.code)
    jobs.abortAll()
    expect(await waited).toBe('ABORTED')
    await vi.waitFor(() => expect(ids.map((id) => jobs.status(id).state)).toEqual(['cancelled', 'cancelled']))
  })

  it('refuses unknown ids', () => {
    expect(() => new Jobs().status('00000000-0000-4000-8000-000000000000')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})
