import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'

type FirstStepsMethods = 'firstSteps' | 'markFirstStep' | 'setBackupReminder'

/** The first-steps list and the backup reminder (main/store/firstSteps.ts keeps their marks). */
export function firstStepsHandlers(vault: VaultService): Pick<Handlers, FirstStepsMethods> {
  return {
    firstSteps: async ({ today }) => vault.store.firstSteps.read(today),
    markFirstStep: async ({ mark, on }) => vault.store.firstSteps.mark(mark, on),
    setBackupReminder: async ({ days }) => vault.store.firstSteps.setReminder(days),
  }
}
