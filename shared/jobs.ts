import type { ErrorCode } from './errors'

/** A background job as the UI sees it while polling. */
export interface JobStatus {
  id: string
  kind: string
  state: 'running' | 'done' | 'failed' | 'cancelled'
  /** Units are the job's own (bytes for files); total is null while unknown. */
  done: number
  total: number | null
  error: ErrorCode | null
  result: unknown
}
