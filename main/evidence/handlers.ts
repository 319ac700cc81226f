import type { Handlers } from '../../shared/ipc-schema'
import type { AppPorts } from '../ipc/ports'
import type { VaultService } from '../vault/service'
import { expandPaths, importFiles } from './importFiles'
import { ImportedOriginals } from './originals'
import { exportReport } from './report/exportReport'
import { saveFileCopy } from './saveCopy'
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
  | 'importFiles'
  | 'importFolders'
  | 'saveFileCopy'
  | 'deleteOriginals'

/** The manifest goes beside the PDF: `report.pdf` -> `report.manifest.json`. */
export const manifestPathFor = (pdfPath: string) => `${pdfPath.replace(/\.pdf$/i, '')}.manifest.json`

/**
 * The evidence part of the handler table. Paths come only from the dialogs
 * port; verify, import, export and copies run as background jobs, so the UI
 * shows progress and a panic wipe stops them. Each fails with LOCKED before
 * a dialog opens (`vault.store` throws it), and a job takes the store
 * afresh, so a lock while the dialog was open is not worked around.
 */
export function evidenceHandlers(vault: VaultService, ports: Pick<AppPorts, 'dialogs'>): Pick<Handlers, EvidenceMethods> {
  const { dialogs } = ports
  const unlocked = () => vault.store
  const originals = new ImportedOriginals()
  /** Files and folders alike become one import job; folders are walked by expandPaths. */
  const importChosen = async (purpose: 'evidence' | 'evidenceFolders', incidentId?: string) => {
    if (incidentId) vault.store.incidents.get(incidentId)
    else unlocked()
    const paths = await dialogs.openFiles(purpose)
    if (paths.length === 0) return null
    // The files as chosen now: a file added to a chosen folder later is neither imported nor deleted.
    const sources = await expandPaths(paths)
    return {
      jobId: vault.jobs.start('import', async (signal, progress) => {
        const result = await importFiles(vault.store, sources.map((s) => s.path), { incidentId, signal, progress })
        return { ...result, originals: { token: await originals.remember(sources), count: sources.length } }
      }),
    }
  }
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
    verifyVault: async () => {
      const total = vault.store.files.list().reduce((sum, file) => sum + file.size, 0)
      return { jobId: vault.jobs.start('verify', (signal, progress) => verifyVault(vault.store, signal, (bytes) => progress(bytes, total))) }
    },
    exportReport: async (request) => {
      unlocked()
      const pdfPath = await dialogs.saveFile('report', 'evidence-report.pdf')
      if (!pdfPath) return null
      const paths = { pdfPath, manifestPath: manifestPathFor(pdfPath) }
      return { jobId: vault.jobs.start('report', (signal) => exportReport(vault.store, { ...request, ...paths }, signal)) }
    },
    importFiles: async ({ incidentId }) => importChosen('evidence', incidentId),
    importFolders: async ({ incidentId }) => importChosen('evidenceFolders', incidentId),
    deleteOriginals: async ({ token }) => {
      unlocked()
      return originals.delete(token)
    },
    saveFileCopy: async ({ id }) => {
      const path = await dialogs.saveFile('copy', vault.store.files.get(id).name)
      if (!path) return null
      return { jobId: vault.jobs.start('copy', (signal, progress) => saveFileCopy(vault.store, id, path, signal, progress)) }
    },
  }
}
