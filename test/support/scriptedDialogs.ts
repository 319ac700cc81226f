import type { DialogsPort, OpenPurpose } from '../../main/ipc/ports'

/**
 * Native dialogs where there is no Electron: the test says beforehand what
 * the person will pick. An unscripted dialog counts as cancelled.
 */
export class ScriptedDialogs implements DialogsPort {
  readonly #opens: string[][] = []
  readonly #saves: (string | null)[] = []
  /** Which open dialogs were shown, in order. */
  readonly opened: OpenPurpose[] = []

  willOpen(paths: string[]): void {
    this.#opens.push(paths)
  }

  willSave(path: string | null): void {
    this.#saves.push(path)
  }

  async openFiles(purpose: OpenPurpose): Promise<string[]> {
    this.opened.push(purpose)
    return this.#opens.shift() ?? []
  }

  async saveFile(): Promise<string | null> {
    return this.#saves.shift() ?? null
  }
}
