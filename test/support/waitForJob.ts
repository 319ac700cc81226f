import type { JobStatus } from '../../shared/jobs'

type Call = (name: string, input?: unknown) => Promise<unknown>

/** Polls `jobStatus` over IPC, as the UI does, until the job has ended; returns its last status. */
export async function waitForJob(call: Call, jobId: string, timeoutMs = 30_000): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const envelope = (await call('jobStatus', { id: jobId })) as { ok: true; value: JobStatus } | { ok: false; code: string }
    if (!envelope.ok) throw new Error(`jobStatus failed: ${envelope.code}`)
    if (envelope.value.state !== 'running') return envelope.value
    if (Date.now() > deadline) throw new Error(`job ${jobId} still running after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The id from a `{ jobId }` answer; fails the test on anything else. */
export function jobIdOf(envelope: unknown): string {
  const value = (envelope as { ok: boolean; value?: { jobId?: unknown } }).value
  if (typeof value?.jobId !== 'string') throw new Error(`expected a started job, got ${JSON.stringify(envelope)}`)
  return value.jobId
}
