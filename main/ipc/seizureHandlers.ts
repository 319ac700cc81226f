import { SestraError } from '../../shared/errors'
import type { Handlers } from '../../shared/ipc-schema'
import type { VaultService } from '../vault/service'
import type { AppPorts } from './ports'

type SeizureMethods =
  | 'getSettings'
  | 'updateSettings'
  | 'panicWipe'
  | 'panicShortcutStatus'
  | 'setDuressPassphrase'
  | 'copyToClipboard'
  | 'reportActivity'

export function seizureHandlers(vault: VaultService, controls: AppPorts): Pick<Handlers, SeizureMethods> {
  return {
    getSettings: async () => controls.settings.get(),
    updateSettings: async (patch) => controls.settings.update(patch),
    // A wipe of an already empty install is not an error to someone in a hurry.
    panicWipe: async () => {
      if ((await vault.state()) === 'absent') return
      await vault.wipe()
    },
    panicShortcutStatus: async () => controls.panicShortcut(),
    setDuressPassphrase: async ({ current, duress }) => vault.setDuressPassphrase(current, duress),
    copyToClipboard: async ({ text }) => {
      if ((await vault.state()) !== 'unlocked') throw new SestraError('LOCKED')
      await controls.clipboard.copy(text)
    },
    reportActivity: async () => controls.activity(),
  }
}
