import { isErrorCode, type ErrorCode } from '../shared/errors'
import type { Envelope, MethodName, MethodOutput, SestraApi } from '../shared/ipc-schema'

declare global {
  interface Window {
    /** Set by the preload (or, in end-to-end tests, the loopback bridge). */
    readonly sestra?: SestraApi
  }
}

/** A failed call: only the code crosses; the UI shows it in its own language. */
export class ApiError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode) {
    super(code)
    this.name = 'ApiError'
    this.code = code
  }
}

export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'INTERNAL'
}

/** The one place the renderer reaches the main process: unwraps the envelope or throws ApiError. */
export async function call<K extends MethodName>(
  name: K,
  ...args: Parameters<SestraApi[K]>
): Promise<MethodOutput<K>> {
  const method = window.sestra?.[name] as
    | ((...input: Parameters<SestraApi[K]>) => Promise<Envelope<MethodOutput<K>>>)
    | undefined
  if (!method) throw new ApiError('INTERNAL')
  const envelope = await method(...args)
  if (envelope.ok) return envelope.value
  throw new ApiError(isErrorCode(envelope.code) ? envelope.code : 'INTERNAL')
}
