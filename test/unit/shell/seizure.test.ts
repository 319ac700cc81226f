import { readdir } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { createAppCore } from '../../../main/appCore'
import { electronClipboard, installSeizureDefences, lockOnMinimise } from '../../../main/shell/seizure'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { tempDir } from '../../support/tempDirs'
import { app, BrowserWindow, FakeSession, globalShortcut } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const pass = 'shell seizure passphrase'

async function setup(panicAction: 'quit' | 'fresh') {
  const core = await createAppCore({ dataDir: await tempDir(), kdf: 'minimum', clipboard: electronClipboard, dialogs: new ScriptedDialogs(), ageWorker: ageWorkerSource })
  await core.settings.update({ panicAction })
  await core.vault.create(pass)
  const session = new FakeSession('sestra')
  const window = new BrowserWindow({ webPreferences: { session } })
  installSeizureDefences(core, session as never, () => window as never)
  await vi.waitFor(() => expect(globalShortcut.registered.has('CommandOrControl+Alt+Shift+X')).toBe(true))
  return { core, session, window }
}

describe('panic in the shell', () => {
  it('the global shortcut wipes the vault, clears the session, then quits when set to quit', async () => {
    app.quit.mockClear()
    const { core, session } = await setup('quit')
    globalShortcut.registered.get('CommandOrControl+Alt+Shift+X')?.()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(await readdir(core.vault.dir)).toEqual([])
    expect(session.clearStorageData).toHaveBeenCalled()
    expect(session.clearCache).toHaveBeenCalled()
  })

  it('shows a fresh install instead when set to fresh: the renderer restarts, the app stays', async () => {
    app.quit.mockClear()
    const { core, window } = await setup('fresh')
    await core.vault.wipe()
    await vi.waitFor(() => expect(window.webContents.calls.filter((c) => c === 'reload').length).toBeGreaterThan(0))
    expect(app.quit).not.toHaveBeenCalled()
    expect(await core.vault.state()).toBe('absent')
  })

  it('moves the shortcut when the setting changes', async () => {
    const { core } = await setup('fresh')
    await core.settings.update({ panicShortcut: 'Control+Alt+F12' })
    expect(globalShortcut.registered.has('Control+Alt+F12')).toBe(true)
    expect(globalShortcut.registered.has('CommandOrControl+Alt+Shift+X')).toBe(false)
  })

  it('clears vault text from the clipboard on wipe', async () => {
    const { core } = await setup('fresh')
    await core.handlers.copyToClipboard({ text: '+995 555 000 000' })
    expect(await electronClipboard.readText()).toBe('+995 555 000 000')
    await core.vault.wipe()
    await vi.waitFor(async () => expect(await electronClipboard.readText()).toBe(''))
  })
})

describe('lock on minimise', () => {
  it('locks only when the setting is on', async () => {
    const { core, window } = await setup('fresh')
    lockOnMinimise(core, window as never)
    window.emit('minimize')
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await core.vault.state()).toBe('unlocked')
    await core.settings.update({ lockOnMinimise: true })
    window.emit('minimize')
    await vi.waitFor(async () => expect(await core.vault.state()).toBe('locked'))
  })
})
