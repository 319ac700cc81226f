import { readdir } from 'node:fs/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppCore } from '../../../main/appCore'
import { renewOnLock } from '../../../main/shell/locking'
import { enableGlobalShortcutsPortal, PanicShortcut } from '../../../main/shell/panicShortcut'
import { electronClipboard, installSeizureDefences, lockOnMinimise } from '../../../main/shell/seizure'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { tempDir } from '../../support/tempDirs'
import { app, BrowserWindow, FakeSession, globalShortcut } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const pass = 'shell seizure passphrase'
const defaultShortcut = 'CommandOrControl+Alt+Shift+X'

/** The shell as main/index.ts wires it: a lock and a wipe both ask for a new window through `renew`. */
async function setup(panicAction: 'quit' | 'fresh') {
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
  await core.vault.create(pass)
  const session = new FakeSession('sestra')
  const renew = vi.fn()
  renewOnLock(core.vault, renew)
  installSeizureDefences(core, session as never, shortcut, renew)
  await vi.waitFor(() => expect(shortcut.status().accelerator).toBe(defaultShortcut))
  return { core, session, renew, shortcut }
}

beforeEach(() => {
  app.quit.mockClear()
  globalShortcut.register.mockClear()
})

describe('panic in the shell', () => {
  it('the global shortcut wipes the vault, clears the session, then quits when set to quit', async () => {
    const { core, session, renew } = await setup('quit')
    globalShortcut.registered.get(defaultShortcut)?.()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(await readdir(core.vault.dir)).toEqual([])
    expect(session.clearStorageData).toHaveBeenCalled()
    expect(session.clearCache).toHaveBeenCalled()
    expect(renew).not.toHaveBeenCalled()
  })

  it('when set to fresh, a wipe of an unlocked vault opens exactly one new window, after the session is cleared', async () => {
    const { core, session, renew } = await setup('fresh')
    renew.mockImplementation(() => expect(session.clearStorageData).toHaveBeenCalled())
    await core.vault.wipe()
    await vi.waitFor(() => expect(renew).toHaveBeenCalled())
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(renew).toHaveBeenCalledTimes(1)
    expect(app.quit).not.toHaveBeenCalled()
    expect(await core.vault.state()).toBe('absent')
  })

  it('a wipe from the lock screen (duress, panic while locked) also renews once', async () => {
    const { core, renew } = await setup('fresh')
    core.vault.lock()
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(1))
    await core.vault.wipe()
    await vi.waitFor(() => expect(renew).toHaveBeenCalledTimes(2))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(renew).toHaveBeenCalledTimes(2)
  })

  it('moves the shortcut when the setting changes', async () => {
    const { core, shortcut } = await setup('fresh')
    await core.settings.update({ panicShortcut: 'Control+Alt+F12' })
    expect(globalShortcut.registered.has('Control+Alt+F12')).toBe(true)
    expect(globalShortcut.registered.has(defaultShortcut)).toBe(false)
    expect(shortcut.status()).toEqual({ active: true, accelerator: 'Control+Alt+F12' })
  })

  it('clears vault text from the clipboard on wipe', async () => {
    const { core } = await setup('fresh')
    await core.handlers.copyToClipboard({ text: '+995 555 000 000' })
    expect(await electronClipboard.readText()).toBe('+995 555 000 000')
    await core.vault.wipe()
    await vi.waitFor(async () => expect(await electronClipboard.readText()).toBe(''))
  })
})

describe('whether the panic shortcut is active', () => {
  it('is reported through IPC as the system answered: registered', async () => {
    const { core } = await setup('fresh')
    expect(await core.handlers.panicShortcutStatus(undefined)).toEqual({ active: true, accelerator: defaultShortcut })
  })

  it('is inactive when the system refuses it (Wayland without the portal, keys taken by another app)', async () => {
    globalShortcut.register.mockReturnValueOnce(false)
    const { core } = await setup('fresh')
    expect(await core.handlers.panicShortcutStatus(undefined)).toEqual({ active: false, accelerator: defaultShortcut })
  })

  it('is inactive when Electron rejects the accelerator', async () => {
    globalShortcut.register.mockImplementationOnce(() => {
      throw new Error('conversion failure')
    })
    const { core } = await setup('fresh')
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

describe('lock on minimise', () => {
  it('locks only when the setting is on', async () => {
    const { core } = await setup('fresh')
    const window = new BrowserWindow({ webPreferences: { session: new FakeSession('sestra') } })
    lockOnMinimise(core, window as never)
    window.emit('minimize')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await core.vault.state()).toBe('unlocked')
    await core.settings.update({ lockOnMinimise: true })
    window.emit('minimize')
    await vi.waitFor(async () => expect(await core.vault.state()).toBe('locked'))
  })
})
