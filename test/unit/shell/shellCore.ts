import { expect } from 'vitest'
import { createAppCore } from '../../../main/appCore'
import { electronClipboard } from '../../../main/shell/clipboard'
import { PanicShortcut } from '../../../main/shell/panicShortcut'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { tempDir } from '../../support/tempDirs'

export const defaultShortcut = 'CommandOrControl+Alt+Shift+X'

/**
 * A core as main/index.ts builds it (Electron's clipboard, the panic shortcut's
 * status), with an unlocked vault. The caller's test file mocks `electron`.
 */
export async function unlockedCore(panicAction: 'quit' | 'fresh') {
  const shortcut = new PanicShortcut()
  const core = await createAppCore({
    dataDir: await tempDir(),
    kdf: 'minimum',
    clipboard: electronClipboard,
    dialogs: new ScriptedDialogs(),
    ageWorker: ageWorkerSource,
    panicShortcut: () => shortcut.status(),
  })
  await core.settings.update({ panicAction })
  await core.vault.create('shell seizure passphrase')
  expect(await core.vault.state()).toBe('unlocked')
  return { core, shortcut }
}

/** Long enough for a listener that was wrongly called to have run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30))
