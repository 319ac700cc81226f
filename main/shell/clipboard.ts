import { clipboard } from 'electron'
import type { ClipboardPort } from '../clipboardGuard'

/** The system clipboard, for the guard that clears copied vault text (`main/clipboardGuard.ts`). */
export const electronClipboard: ClipboardPort = {
  readText: () => clipboard.readText(),
  writeText: (text) => clipboard.writeText(text),
}
