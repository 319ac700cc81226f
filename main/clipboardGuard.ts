/** The few clipboard operations the guard needs; Electron's clipboard in the app, a fake in tests. */
export interface ClipboardPort {
  readText(): string | Promise<string>
  writeText(text: string): void | Promise<void>
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

  async copy(text: string): Promise<void> {
    await this.#port.writeText(text)
    this.#written = text
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.clearNow(), this.#clearAfterMs)
    this.#timer.unref?.()
  }

  async clearNow(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    const written = this.#written
    this.#written = null
    if (written !== null && (await this.#port.readText()) === written) await this.#port.writeText('')
  }
}
