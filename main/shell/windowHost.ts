import type { BrowserWindow, Rectangle } from 'electron'

/** Where and how the replaced window stood, so its successor takes its place. */
export interface Placement {
  /**
   * Null for a minimised window: what a minimised window reports is not
   * reliably where it comes back (Windows has placed it far off screen), and
   * the successor must not be restored out of sight.
   */
  bounds: Rectangle | null
  minimized: boolean
  focused: boolean
}

export interface WindowHostOptions {
  /** A new window loading the app at its start, with every per-window listener attached. */
  open(placement: Placement | null): BrowserWindow
  /** Called when renderers keep dying: a window that cannot stay up is worse than none. */
  giveUp(): void
  now?: () => number
}

/** More renderer deaths than this within `crashWindowMs` ends the app instead of looping. */
const crashLimit = 3
const crashWindowMs = 60_000

/**
 * The app's one window. A renderer is discarded by replacing its whole
 * window: the successor is a new webContents in a new renderer process, so the
 * old process and the decrypted records in its heap go back to the OS.
 * `forcefullyCrashRenderer()` followed by `reload()` does not reliably start a
 * new process on Linux (electron/electron#48661), and a crashed page left in
 * place is a blank window. The successor opens before the old window is
 * destroyed, so the app never has zero windows (which would quit it).
 */
export class WindowHost {
  readonly #options: WindowHostOptions
  readonly #now: () => number
  #window: BrowserWindow | null = null
  #deaths: number[] = []
  #retired = false

  constructor(options: WindowHostOptions) {
    this.#options = options
    this.#now = options.now ?? Date.now
  }

  /** The live window, or null once it was closed (the app is quitting). */
  get current(): BrowserWindow | null {
    return this.#window
  }

  open(): BrowserWindow {
    return this.#adopt(this.#options.open(null))
  }

  /** A fresh renderer at the app's start; nothing happens once the window was closed or the app quits. */
  renew(): void {
    const old = this.#window
    if (this.#retired || !old || old.isDestroyed()) return
    this.#adopt(
      this.#options.open({
        bounds: old.isMinimized() ? null : old.getBounds(),
        minimized: old.isMinimized(),
        focused: old.isFocused(),
      }),
    )
    old.destroy()
  }

  /** The app is quitting: renderers that go away with it are not replaced. */
  retire(): void {
    this.#retired = true
  }

  #adopt(window: BrowserWindow): BrowserWindow {
    this.#window = window
    window.on('closed', () => {
      if (this.#window === window) this.#window = null
    })
    // A renderer that died (crash, out of memory, killed) leaves a blank page.
    window.webContents.on('render-process-gone', () => {
      if (this.#window === window) this.#replaceDead()
    })
    return window
  }

  #replaceDead(): void {
    const now = this.#now()
    this.#deaths = [...this.#deaths.filter((t) => now - t < crashWindowMs), now]
    if (this.#deaths.length > crashLimit) this.#options.giveUp()
    else this.renew()
  }
}
