import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'
import { exportReport } from './report/exportReport'
import { verifyVault } from './verify'

type EvidenceMethods =
  | 'listIncidents'
  | 'getIncident'
  | 'createIncident'
  | 'updateIncident'
  | 'annotateIncident'
  | 'deleteIncident'
  | 'custodyLog'
  | 'listFiles'
  | 'deleteFile'
  | 'verifyVault'
  | 'exportReport'

/** The evidence part of the handler table; verify and export are jobs, so a panic wipe stops them. */
export function evidenceHandlers(vault: VaultService): Pick<Handlers, EvidenceMethods> {
  return {
    listIncidents: async ({ limit, offset, ...filter }) => vault.store.incidents.list(filter, { limit, offset }),
    getIncident: async ({ id }) => vault.store.incidents.get(id),
    createIncident: async (input) => vault.store.incidents.create(input),
    updateIncident: async ({ id, patch }) => vault.store.incidents.update(id, patch),
    annotateIncident: async ({ id, text }) => vault.store.incidents.annotate(id, text),
    deleteIncident: async ({ id }) => vault.store.incidents.delete(id),
    custodyLog: async ({ subjectType, id }) => vault.store.custody.entries(subjectType, id),
    listFiles: async (page) => ({ items: vault.store.files.list(page), total: vault.store.files.count() }),
    deleteFile: async ({ id }) => vault.store.files.delete(id),
    verifyVault: async () => vault.jobs.run((signal) => verifyVault(vault.store, signal)),
    exportReport: async (input) => vault.jobs.run((signal) => exportReport(vault.store, input, signal)),
  }
}
