import { localToday } from '../../shared/calendarDates'
import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'
import { evidenceHandlers } from '../evidence/handlers'
import type { AppPorts } from './ports'
import { seizureHandlers } from './seizureHandlers'
import { firstStepsHandlers } from './firstStepsHandlers'
import { keyFingerprint } from '../exchange/fingerprint'
import { exchangeHandlers } from '../exchange/handlers'
import { listContacts } from '../store/contactQueries'
import { campaignDetail, campaignReadiness, createCampaign, updateCampaign } from '../store/campaigns'
import { expiringDocuments, listDocuments } from '../store/documentQueries'
import { createPerson, deletePerson, listPeople, updatePerson } from '../store/people'
import { saveLawyerCard } from '../lawyerCard/saveLawyerCard'

/**
 * The handler table. Inputs arrive already parsed by `dispatch`; handlers
 * only translate between the contract and the vault. Electron's IPC and the
 * loopback test harness bind this same table.
 */
export function createHandlers(vault: VaultService, ports: AppPorts): Handlers {
  return {
    vaultState: async () => ({ state: await vault.state(), wipeFailure: vault.wipeFailure() }),
    createVault: async ({ passphrase }) => vault.create(passphrase),
    unlock: async ({ passphrase }) => vault.unlock(passphrase),
    unlockProgress: async () => vault.unlockProgress(),
    lock: async () => vault.lock(),
    changePassphrase: async ({ current, next }) => vault.changePassphrase(current, next),
    vaultSummary: async () => vault.summary(),

    listContacts: async (input) => listContacts(vault.store, input),
    getContact: async ({ id }) => vault.store.contacts.get(id),
    createContact: async (input) => vault.store.contacts.create(input),
    updateContact: async ({ id, patch }) => vault.store.contacts.update(id, patch),
    deleteContact: async ({ id }) => vault.store.contacts.delete(id),

    listCampaigns: async (input) => vault.store.campaigns.list(input),
    getCampaign: async ({ id }) => campaignDetail(vault.store, id),
    createCampaign: async (input) => createCampaign(vault.store, input),
    updateCampaign: async (input) => updateCampaign(vault.store, input),
    deleteCampaign: async ({ id }) => vault.store.campaigns.delete(id),
    campaignReadiness: async ({ id, today }) => campaignReadiness(vault.store, id, today),
    addChecklistItem: async ({ campaignId, ...item }) => vault.store.plans.addCustomItem(campaignId, item),
    updateChecklistItem: async ({ id, patch }) => vault.store.plans.updateItem(id, patch),
    deleteChecklistItem: async ({ id }) => vault.store.plans.deleteItem(id),
    setBriefing: async ({ campaignId, contactId, briefedOn }) =>
      vault.store.plans.setBriefing(campaignId, contactId, briefedOn),
    listPeople: async (input) => listPeople(vault.store, input),
    createPerson: async (input) => createPerson(vault.store, input),
    updatePerson: async (input) => updatePerson(vault.store, input),
    deletePerson: async ({ id }) => deletePerson(vault.store, id),
    listDocuments: async (input) => listDocuments(vault.store, input),
    createDocument: async (input) => vault.store.documents.create(input),
    updateDocument: async ({ id, patch }) => vault.store.documents.update(id, patch),
    getDocument: async ({ id }) => vault.store.documents.get(id),
    deleteDocument: async ({ id }) => vault.store.documents.delete(id),
    expiringDocuments: async (input) => expiringDocuments(vault.store, input),
    travelNeeds: async ({ today }) => vault.store.plans.travelNeeds(today ?? localToday()),
    search: async (input) => vault.store.search.search(input),
    saveLawyerCard: async ({ language }) => saveLawyerCard(vault.store, ports.dialogs, language),

    getIdentity: async () => {
      const publicKey = vault.store.identity.publicKey()
      return { publicKey, fingerprint: keyFingerprint(publicKey), signingKey: vault.store.signingKey.publicKey() }
    },
    listAllies: async () => vault.store.allies.list().items.map(withFingerprint),
    addAlly: async (input) => withFingerprint(vault.store.allies.create(input)),
    updateAlly: async ({ id, patch }) => withFingerprint(vault.store.allies.update(id, patch)),
    deleteAlly: async ({ id }) => vault.store.allies.delete(id),
    ...evidenceHandlers(vault, ports),
    ...exchangeHandlers(vault, ports),
    ...seizureHandlers(vault, ports),
    ...firstStepsHandlers(vault),

    jobStatus: async ({ id }) => vault.jobs.status(id),
    cancelJob: async ({ id }) => vault.jobs.cancel(id),
  }
}

const withFingerprint = <T extends { publicKey: string }>(ally: T) => ({ ...ally, fingerprint: keyFingerprint(ally.publicKey) })
