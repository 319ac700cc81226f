import { SestraError } from '../../shared/errors'
import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'
import type { AppPorts } from './ports'

type SeizureMethods =
  | 'getSettings'
  | 'updateSettings'
  | 'panicWipe'
  | 'acknowledgeWipeFailure'
  | 'panicShortcutStatus'
  | 'setDuressPassphrase'
  | 'copyToClipboard'
  | 'reportActivity'

export function seizureHandlers(vault: VaultService, ports: AppPorts): Pick<Handlers, SeizureMethods> {
  return {
    getSettings: async () => ports.settings.get(),
    updateSettings: async (patch) => ports.settings.update(patch),
    // A wipe of an already empty install is not an error to someone in a hurry.
    panicWipe: async () => {
      if ((await vault.state()) === 'absent') return
      await vault.wipe()
    },
    acknowledgeWipeFailure: async () => vault.acknowledgeWipeFailure(),
    panicShortcutStatus: async () => ports.panicShortcut(),
    setDuressPassphrase: async ({ current, duress }) => vault.setDuressPassphrase(current, duress),
    copyToClipboard: async ({ text }) => {
      if ((await vault.state()) !== 'unlocked') throw new SestraError('LOCKED')
      await ports.clipboard.copy(text)
    },
    reportActivity: async () => ports.activity(),
  }
}
