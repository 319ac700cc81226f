import { readdir } from 'node:fs/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppCore } from '../../../main/appCore'
import { electronClipboard } from '../../../main/shell/clipboard'
import { enableGlobalShortcutsPortal, followPanicShortcutSetting } from '../../../main/shell/panicShortcut'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { tempDir } from '../../support/tempDirs'
import { app, globalShortcut } from './fakeElectron'
import { defaultShortcut, unlockedCore } from './shellCore'

vi.mock('electron', () => import('./fakeElectron'))

/** The shortcut following the settings, as main/index.ts starts it. */
async function withShortcut() {
  const { core, shortcut } = await unlockedCore('fresh')
  followPanicShortcutSetting(core, shortcut)
  await vi.waitFor(() => expect(shortcut.status().accelerator).toBe(defaultShortcut))
  return { core, shortcut }
}

beforeEach(() => {
  globalShortcut.register.mockClear()
  globalShortcut.registered.clear()
})

describe('the panic shortcut', () => {
  it('wipes the vault when pressed, with the window hidden or not', async () => {
    const { core } = await withShortcut()
    globalShortcut.registered.get(defaultShortcut)?.()
    await vi.waitFor(async () => expect(await core.vault.state()).toBe('absent'))
    expect(await readdir(core.vault.dir)).toEqual([])
  })

  it('moves to the keys the settings name, and lets go of the old ones', async () => {
    const { core, shortcut } = await withShortcut()
    await core.settings.update({ panicShortcut: 'Control+Alt+F12' })
    expect([...globalShortcut.registered.keys()]).toEqual(['Control+Alt+F12'])
    expect(shortcut.status()).toEqual({ active: true, accelerator: 'Control+Alt+F12' })
  })

  it('holds no keys once the app is quitting', async () => {
    await withShortcut()
    app.emit('will-quit')
    expect(globalShortcut.registered.size).toBe(0)
  })
})

describe('whether the panic shortcut is active', () => {
  it('is reported through IPC as the system answered: registered', async () => {
    const { core } = await withShortcut()
    expect(await core.handlers.panicShortcutStatus(undefined)).toEqual({ active: true, accelerator: defaultShortcut })
  })

  it('is inactive when the system refuses it (Wayland without the portal, keys taken by another app)', async () => {
    globalShortcut.register.mockReturnValueOnce(false)
    const { core } = await withShortcut()
    expect(await core.handlers.panicShortcutStatus(undefined)).toEqual({ active: false, accelerator: defaultShortcut })
  })

  it('is inactive when Electron rejects the accelerator', async () => {
    globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('conversion failure')
    })
    const { core } = await withShortcut()
    expect(await core.handlers.panicShortcutStatus(undefined)).toEqual({ active: false, accelerator: defaultShortcut })
  })

  it('is inactive in a core without the Electron shell (CLI, tests)', async () => {
    const core = await createAppCore({ dataDir: await tempDir(), kdf: 'minimum', clipboard: electronClipboard, dialogs: new ScriptedDialogs(), ageWorker: ageWorkerSource })
    expect((await core.handlers.panicShortcutStatus(undefined)).active).toBe(false)
  })

  it('asks for the GlobalShortcutsPortal feature on Linux only, where Wayland needs it', () => {
    app.commandLine.appendSwitch.mockClear()
    enableGlobalShortcutsPortal('win32')
    enableGlobalShortcutsPortal('darwin')
    expect(app.commandLine.appendSwitch).not.toHaveBeenCalled()
    enableGlobalShortcutsPortal('linux')
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-features', 'GlobalShortcutsPortal')
  })
})
