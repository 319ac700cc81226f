import { beforeEach, describe, expect, it, vi } from 'vitest'
import { WindowHost, type Placement } from '../../../main/shell/windowHost'
import { BrowserWindow, FakeSession } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

function host(options: { now?: () => number } = {}) {
  const placements: (Placement | null)[] = []
  const giveUp = vi.fn()
  const windows = new WindowHost({
    open: (placement) => {
      placements.push(placement)
      // The app never has zero windows: the successor exists before the old one goes.
      expect(BrowserWindow.open().length).toBeLessThanOrEqual(1)
      return new BrowserWindow({ webPreferences: { session: new FakeSession('sestra') }, ...placement?.bounds }) as never
    },
    giveUp,
    ...options,
  })
  return { windows, placements, giveUp }
}

const current = (windows: WindowHost) => windows.current as unknown as BrowserWindow

beforeEach(() => {
  BrowserWindow.created.length = 0
})

describe('the window host', () => {
  it('renews a window as a new window (a new renderer), destroying the old one only after the new one exists', () => {
    const { windows } = host()
    const first = windows.open() as unknown as BrowserWindow
    windows.renew()
    const second = current(windows)
    expect(second).not.toBe(first)
    expect(second.webContents).not.toBe(first.webContents)
    expect(first.destroyed).toBe(true)
    expect(BrowserWindow.open()).toEqual([second])
  })

  it('puts the successor where the old window was, unfocused as it was', () => {
    const { windows, placements } = host()
    const first = windows.open() as unknown as BrowserWindow
    first.focused = false
    windows.renew()
    expect(placements).toEqual([null, { bounds: first.getBounds(), minimized: false, focused: false }])
  })

  it('keeps a minimised window minimised, at default bounds (a minimised window reports off-screen ones on Windows)', () => {
    const { windows, placements } = host()
    const first = windows.open() as unknown as BrowserWindow
    first.minimized = true
    windows.renew()
    expect(placements[1]).toMatchObject({ bounds: null, minimized: true })
  })

  it('replaces a window whose renderer died, so the user never sees a blank page', () => {
    const { windows } = host()
    const first = windows.open() as unknown as BrowserWindow
    first.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 })
    expect(first.destroyed).toBe(true)
    expect(BrowserWindow.open()).toEqual([current(windows)])
    // And the replacement is watched in turn.
    const second = current(windows)
    second.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 })
    expect(second.destroyed).toBe(true)
    expect(BrowserWindow.open()).toHaveLength(1)
  })

  it('ignores the death of a renderer it already replaced', () => {
    const { windows } = host()
    const first = windows.open() as unknown as BrowserWindow
    windows.renew()
    const second = current(windows)
    first.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 })
    expect(current(windows)).toBe(second)
    expect(BrowserWindow.created).toHaveLength(2)
  })

  /** `times` renderer deaths, `apartMs` apart; whether the host gave up. */
  function crashes(times: number, apartMs: number) {
    BrowserWindow.created.length = 0
    let clock = 0
    const { windows, giveUp } = host({ now: () => clock })
    windows.open()
    for (let i = 0; i < times; i++) {
      current(windows).webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
      clock += apartMs
    }
    return giveUp.mock.calls.length > 0
  }

  it('gives up instead of looping when renderers keep dying', () => {
    expect(crashes(3, 1_000)).toBe(false)
    expect(crashes(4, 1_000)).toBe(true)
  })

  it('forgets crashes older than a minute', () => {
    expect(crashes(8, 30_000)).toBe(false)
  })

  it('replaces nothing once the app is quitting, even a renderer that goes away with it', () => {
    const { windows } = host()
    const first = windows.open() as unknown as BrowserWindow
    windows.retire()
    first.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 0 })
    windows.renew()
    expect(BrowserWindow.created).toEqual([first])
  })

  it('once the window is closed there is nothing to renew: the app is quitting', () => {
    const { windows } = host()
    const first = windows.open() as unknown as BrowserWindow
    first.destroy()
    expect(windows.current).toBeNull()
    windows.renew()
    expect(BrowserWindow.created).toHaveLength(1)
  })
})
