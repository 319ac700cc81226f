import { z } from 'zod'
import { patchSchema, recordId, type Stored } from './domain/common'
import { allyInput, type AllyFields } from './domain/ally'
import { exportBundleInput, importBundleInput, inspectBundleInput, restoreBundleInput, type InspectedBundle } from './bundle'
import { contactInput, type ContactFields } from './domain/contact'
import type { ErrorCode } from './errors'
import { settingsPatch, type Settings } from './domain/settings'
import type { JobStatus } from './jobs'
import { backupReminderInput, firstStepsInput, markFirstStepInput, type FirstSteps } from './firstSteps'
import { annotationInput, reportLanguages, type CustodyEntry } from './domain/custody'
import type { FileRecord } from './domain/file'
import { incidentCreateInput, type Incident } from './domain/incident'
import {
  custodyLogInput,
  exportReportInput,
  importFilesInput,
  deleteOriginalsInput,
  listFilesInput,
  listIncidentsInput,
  saveFileCopyInput,
  updateIncidentInput,
  type JobStarted,
} from './evidence/ipcInputs'
import { expiringQuery } from './expiry'
import { travelNeedsInput, type TravelNeed } from './travelNeeds'
import type { ChecklistItem } from './readiness/checklist'
import type { CampaignReadiness } from './readiness/rules'
import type { ListedMethod } from './ipcMethods'
import { travelDocumentInput } from './domain/travelDocument'
import {
  addChecklistItemInput,
  briefingInput,
  createCampaignInput,
  createPersonInput,
  listDocumentsInput,
  listPageInput,
  readinessInput,
  searchQuery,
  updateCampaignInput,
  updateChecklistItemInput,
  updateDocumentInput,
  updatePersonInput,
} from './recordInputs'
import type {
  Campaign,
  CampaignDetail,
  ExpiringDocument,
  PersonWithRelations,
  SearchHit,
  TravelDocument,
} from './recordViews'

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
export interface PanicShortcutStatus {
  active: boolean
  accelerator: string
}
/** The vault's age public key, and the digits both sides read aloud to compare it. */
export interface VaultIdentityInfo {
  publicKey: string
  fingerprint: string
  /** `ssh-ed25519 AAAA...`: what bundles and reports are signed with (checked with `ssh-keygen -Y verify`). */
  signingKey: string
}
export type Ally = Stored<AllyFields> & { fingerprint: string }
export type Contact = Stored<ContactFields>
export interface Page<T> {
  items: T[]
  total: number
}
/** An old vault's files moving out of the database into blobs during an unlock. */
export interface UnlockProgress {
  files: number
  totalFiles: number
  bytes: number
  totalBytes: number
}
export interface VaultSummary {
  formatVersion: number
  schemaVersion: number
  kdf: { algorithm: 'argon2id'; memoryKiB: number; timeCost: number; parallelism: number }
  counts: Record<'campaigns' | 'people' | 'documents' | 'contacts' | 'incidents' | 'files', number>
}

export const ipcSchema = {
  /** wipeFailure: the report of a wipe that did not finish (file names, error codes), kept until acknowledged. */
  vaultState: method(none).returns<{ state: VaultState; wipeFailure: string | null }>(),
  createVault: method(z.object({ passphrase: z.string().min(8).max(1024) })).returns<void>(),
  unlock: method(z.object({ passphrase })).returns<void>(),
  /** Polled while an unlock is pending: null unless it is moving an old vault's files. */
  unlockProgress: method(none).returns<UnlockProgress | null>(),
  lock: method(none).returns<void>(),
  changePassphrase: method(
    z.object({ current: passphrase, next: z.string().min(8).max(1024) }),
  ).returns<void>(),
  vaultSummary: method(none).returns<VaultSummary>(),

  getSettings: method(none).returns<Settings>(),
  updateSettings: method(settingsPatch).returns<Settings>(),
  /** Destroys the vault now; the shell then quits or shows a fresh install, as set. */
  panicWipe: method(none).returns<void>(),
  acknowledgeWipeFailure: method(none).returns<void>(),
  /** Whether the system accepted the panic shortcut; the renderer never assumes it did. */
  panicShortcutStatus: method(none).returns<PanicShortcutStatus>(),
  setDuressPassphrase: method(
    z.object({ current: passphrase, duress: z.string().min(8).max(1024).nullable() }),
  ).returns<void>(),
  /** Vault text goes to the clipboard through main, which clears it after 30 s. */
  copyToClipboard: method(z.object({ text: z.string().min(1).max(10_000) })).returns<void>(),
  /** Keyboard or pointer use, at most every few seconds: postpones the auto-lock. */
  reportActivity: method(none).returns<void>(),

  /** Long jobs (import, export) run in the background; the UI polls them. */
  jobStatus: method(z.object({ id: z.uuid() })).returns<JobStatus>(),
  cancelJob: method(z.object({ id: z.uuid() })).returns<void>(),

  listContacts: method(
    z.object({
      query: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
  ).returns<Page<Contact>>(),
  getContact: method(z.object({ id: recordId })).returns<Contact>(),
  createContact: method(contactInput).returns<Contact>(),
  updateContact: method(z.object({ id: recordId, patch: patchSchema(contactInput) })).returns<Contact>(),
  deleteContact: method(z.object({ id: recordId })).returns<void>(),

  listCampaigns: method(listPageInput).returns<Page<Campaign>>(),
  getCampaign: method(z.object({ id: recordId })).returns<CampaignDetail>(),
  createCampaign: method(createCampaignInput).returns<CampaignDetail>(),
  updateCampaign: method(updateCampaignInput).returns<CampaignDetail>(),
  deleteCampaign: method(z.object({ id: recordId })).returns<void>(),
  campaignReadiness: method(readinessInput).returns<CampaignReadiness>(),
  addChecklistItem: method(addChecklistItemInput).returns<ChecklistItem>(),
  updateChecklistItem: method(updateChecklistItemInput).returns<ChecklistItem>(),
  deleteChecklistItem: method(z.object({ id: recordId })).returns<void>(),
  setBriefing: method(briefingInput).returns<void>(),
  listPeople: method(listPageInput).returns<Page<PersonWithRelations>>(),
  createPerson: method(createPersonInput).returns<PersonWithRelations>(),
  updatePerson: method(updatePersonInput).returns<PersonWithRelations>(),
  deletePerson: method(z.object({ id: recordId })).returns<void>(),
  listDocuments: method(listDocumentsInput).returns<Page<TravelDocument>>(),
  createDocument: method(travelDocumentInput).returns<TravelDocument>(),
  updateDocument: method(updateDocumentInput).returns<TravelDocument>(),
  getDocument: method(z.object({ id: recordId })).returns<TravelDocument>(),
  deleteDocument: method(z.object({ id: recordId })).returns<void>(),
  expiringDocuments: method(expiringQuery).returns<Page<ExpiringDocument>>(),
  /** What upcoming campaigns ask of each traveller's passports and visas. */
  travelNeeds: method(travelNeedsInput).returns<TravelNeed[]>(),
  search: method(searchQuery).returns<SearchHit[]>(),
  /** The speed-dial lawyers' wallet card as a PDF, written where the person picks in the save dialog. */
  saveLawyerCard: method(z.object({ language: z.enum(reportLanguages) })).returns<{ saved: boolean }>(),

  getIdentity: method(none).returns<VaultIdentityInfo>(),
  listAllies: method(none).returns<Ally[]>(),
  addAlly: method(allyInput).returns<Ally>(),
  updateAlly: method(z.object({ id: recordId, patch: patchSchema(allyInput) })).returns<Ally>(),
  deleteAlly: method(z.object({ id: recordId })).returns<void>(),
  /** Save dialog, then a background job; null when the dialog was cancelled. */
  exportBundle: method(exportBundleInput).returns<{ jobId: string } | null>(),
  /** Open dialog, then decrypts and checks every hash; null when cancelled. */
  inspectBundle: method(inspectBundleInput).returns<InspectedBundle | null>(),
  importBundle: method(importBundleInput).returns<{ jobId: string }>(),
  /** Only while no vault exists (after a wipe): the bundle becomes the new vault. */
  restoreBundle: method(restoreBundleInput).returns<{ jobId: string }>(),

  listIncidents: method(listIncidentsInput).returns<Page<Incident>>(),
  getIncident: method(z.object({ id: recordId })).returns<Incident>(),
  createIncident: method(incidentCreateInput).returns<Incident>(),
  updateIncident: method(updateIncidentInput).returns<Incident>(),
  annotateIncident: method(annotationInput).returns<CustodyEntry>(),
  deleteIncident: method(z.object({ id: recordId })).returns<void>(),
  custodyLog: method(custodyLogInput).returns<CustodyEntry[]>(),
  listFiles: method(listFilesInput).returns<Page<FileRecord>>(),
  deleteFile: method(z.object({ id: recordId })).returns<void>(),
  /** Jobs: verify ends with a VerifyReport, export with a ReportResult, import with an ImportResult, a copy with a SaveCopyResult. */
  verifyVault: method(none).returns<{ jobId: string }>(),
  exportReport: method(exportReportInput).returns<JobStarted>(),
  importFiles: method(importFilesInput).returns<JobStarted>(),
  /** The same import from a folder dialog: outside macOS the file dialog cannot pick folders. */
  importFolders: method(importFilesInput).returns<JobStarted>(),
  /** Deletes the originals of a finished import, by the token its result carried; paths never come from the renderer. */
  deleteOriginals: method(deleteOriginalsInput).returns<{ deleted: number; kept: number }>(),
  saveFileCopy: method(saveFileCopyInput).returns<JobStarted>(),

  /** The first-steps list and the backup reminder, ticked from the vault's data. */
  firstSteps: method(firstStepsInput).returns<FirstSteps>(),
  markFirstStep: method(markFirstStepInput).returns<void>(),
  setBackupReminder: method(backupReminderInput).returns<void>(),
  // The preload's plain list (ipcMethods.ts) must name exactly these methods: a
  // missing or an extra key fails to compile.
} as const satisfies Record<ListedMethod, Method<z.ZodType, unknown>>

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

export { channelFor, methodNames } from './ipcMethods'
