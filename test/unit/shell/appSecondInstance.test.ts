import { expect, it, vi } from 'vitest'
import { app, BrowserWindow } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

it('a second copy of the app quits without touching the vault or opening a window', async () => {
  app.singleInstance = false
  await import('../../../main/index')
  await new Promise((done) => setTimeout(done, 10))
  expect(app.quit).toHaveBeenCalled()
  expect(app.whenReady).not.toHaveBeenCalled()
  expect(BrowserWindow.created).toHaveLength(0)
})
