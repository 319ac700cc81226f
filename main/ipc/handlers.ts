import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'
import { listContacts } from '../store/contactQueries'

/**
 * The handler table. Inputs arrive already parsed by `dispatch`; handlers
 * only translate between the contract and the vault. Electron's IPC and the
 * loopback test harness bind this same table.
 */
export function createHandlers(vault: VaultService): Handlers {
  return {
    vaultState: async () => ({ state: await vault.state() }),
    createVault: async ({ passphrase }) => vault.create(passphrase),
    unlock: async ({ passphrase }) => vault.unlock(passphrase),
    lock: async () => vault.lock(),
    changePassphrase: async ({ current, next }) => vault.changePassphrase(current, next),
    vaultSummary: async () => vault.summary(),

    listContacts: async (input) => listContacts(vault.store, input),
    getContact: async ({ id }) => vault.store.contacts.get(id),
    createContact: async (input) => vault.store.contacts.create(input),
    updateContact: async ({ id, patch }) => vault.store.contacts.update(id, patch),
    deleteContact: async ({ id }) => vault.store.contacts.delete(id),
  }
}
