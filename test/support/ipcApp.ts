import { createAppCore } from '../../main/appCore'
import { dispatch } from '../../main/ipc/dispatch'
import { PassphraseThrottle } from '../../main/vault/throttle'
import type { Language } from '../../shared/errors'
import { ageWorkerSource } from './ageWorkerSource'
import { memoryClipboard } from './memoryClipboard'
import { ScriptedDialogs } from './scriptedDialogs'
import { tempDir } from './tempDirs'

/**
 * The app core exactly as main and the e2e harness build it, over a temp
 * directory, with `call` going through dispatch like an IPC message does.
 */
export async function ipcApp() {
  const dataDir = await tempDir()
  const clipboardPort = memoryClipboard()
  const dialogs = new ScriptedDialogs()
  const core = await createAppCore({
    dataDir,
    kdf: 'minimum',
    clipboard: clipboardPort,
    dialogs,
    ageWorker: ageWorkerSource,
    throttle: new PassphraseThrottle({ sleep: async () => {} }),
  })
  const call = (name: string, input?: unknown, language?: Language) => dispatch(core.handlers, name, input, language)
  return { ...core, service: core.vault, dataDir, clipboardPort, dialogs, call }
}
