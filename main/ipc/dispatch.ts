import { errorMessage, SestraError, type Language } from '../../shared/errors'
import { ipcSchema, type Envelope, type Handlers, type MethodName } from '../../shared/ipc-schema'
import { toSestraError } from '../vault/ioErrors'

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(ipcSchema, name)
}

/**
 * Parses untrusted input against the method's schema, runs the handler and
 * wraps the outcome. Errors become a code and a plain sentence; nothing of
 * the input, the stack or the vault's content is echoed back.
 */
export async function dispatch(
  handlers: Handlers,
  name: unknown,
  rawInput: unknown,
  language: Language = 'en',
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) return failure(new SestraError('INVALID_INPUT'), language)
  const parsed = ipcSchema[name].input.safeParse(rawInput)
  if (!parsed.success) return failure(new SestraError('INVALID_INPUT'), language)
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    const value = await handler(parsed.data)
    return { ok: true, value: value ?? null }
  } catch (error) {
    return failure(toSestraError(error), language)
  }
}

/**
 * The answer to a call from a frame that is not the app's own page. It has a
 * code of its own so a refusal is never mistaken for a typo in the input.
 */
export const refusedSender = (language: Language): Envelope<never> => failure(new SestraError('REFUSED_SENDER'), language)

function failure(error: SestraError, language: Language): Envelope<never> {
  return { ok: false, code: error.code, message: errorMessage(error.code, language) }
}
