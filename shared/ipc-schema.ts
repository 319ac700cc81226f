import { z } from 'zod'
import { recordId, type Stored } from './domain/common'
import { contactInput, type ContactFields } from './domain/contact'
import type { ErrorCode } from './errors'

/*
 * The whole API between the renderer and the main process, once. Main binds
 * each method to a handler, the preload exposes each as a function on
 * `window.sestra`, and both sides derive their types from here. The renderer
 * is untrusted: every input is parsed with its schema before a handler runs.
 */

interface Method<I extends z.ZodType, O> {
  input: I
  /** Phantom: carries the output type, never read at run time. */
  output?: O
}

const method = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): Method<I, O> => ({ input }),
})

const none = z.undefined()
const passphrase = z.string().min(1).max(1024)

export type VaultState = 'absent' | 'locked' | 'unlocked'
export type Contact = Stored<ContactFields>
export interface Page<T> {
  items: T[]
  total: number
}
export interface VaultSummary {
  formatVersion: number
  schemaVersion: number
  kdf: { algorithm: 'argon2id'; memoryKiB: number; timeCost: number; parallelism: number }
  counts: Record<'campaigns' | 'people' | 'documents' | 'contacts' | 'incidents' | 'files', number>
}

export const ipcSchema = {
  vaultState: method(none).returns<{ state: VaultState }>(),
  createVault: method(z.object({ passphrase: z.string().min(8).max(1024) })).returns<void>(),
  unlock: method(z.object({ passphrase })).returns<void>(),
  lock: method(none).returns<void>(),
  changePassphrase: method(
    z.object({ current: passphrase, next: z.string().min(8).max(1024) }),
  ).returns<void>(),
  vaultSummary: method(none).returns<VaultSummary>(),

  listContacts: method(
    z.object({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<Page<Contact>>(),
  getContact: method(z.object({ id: recordId })).returns<Contact>(),
  createContact: method(contactInput).returns<Contact>(),
  updateContact: method(z.object({ id: recordId, patch: contactInput.partial() })).returns<Contact>(),
  deleteContact: method(z.object({ id: recordId })).returns<void>(),
} as const

export type IpcSchema = typeof ipcSchema
export type MethodName = keyof IpcSchema
export type MethodInput<K extends MethodName> = z.input<IpcSchema[K]['input']>
export type ParsedInput<K extends MethodName> = z.output<IpcSchema[K]['input']>
export type MethodOutput<K extends MethodName> = Exclude<IpcSchema[K]['output'], undefined>

/** What crosses the process boundary: a value or a plain error, never a stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; message: string }

/** The handler table main implements; the loopback test harness binds the same table. */
export type Handlers = { [K in MethodName]: (input: ParsedInput<K>) => Promise<MethodOutput<K>> }

/** What the preload exposes on `window.sestra`. */
export type SestraApi = {
  [K in MethodName]: (
    ...args: undefined extends MethodInput<K> ? [input?: MethodInput<K>] : [input: MethodInput<K>]
  ) => Promise<Envelope<MethodOutput<K>>>
}

export const methodNames = Object.keys(ipcSchema) as MethodName[]

export const channelFor = (name: MethodName) => `sestra:${name}`
