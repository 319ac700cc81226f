/** The few clipboard operations the guard needs; Electron's clipboard in the app, a fake in tests. */
export interface ClipboardPort {
  readText(): string
  writeText(text: string): void
}

/**
 * Writes vault text to the clipboard and clears it after `clearAfterMs`, but
 * only if it still holds what we put there: whatever the user copied since
 * is theirs. `clearNow` runs on lock and on wipe.
 */
export class ClipboardGuard {
  readonly #port: ClipboardPort
  readonly #clearAfterMs: number
  #timer: ReturnType<typeof setTimeout> | null = null
  #written: string | null = null

  constructor(port: ClipboardPort, clearAfterMs = 30_000) {
    this.#port = port
    this.#clearAfterMs = clearAfterMs
  }

  copy(text: string): void {
    this.#port.writeText(text)
    this.#written = text
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.clearNow(), this.#clearAfterMs)
    this.#timer.unref?.()
  }

  clearNow(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    if (this.#written !== null && this.#port.readText() === this.#written) this.#port.writeText('')
    this.#written = null
  }
}
