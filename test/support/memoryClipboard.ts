import type { ClipboardPort } from '../../main/clipboardGuard'

/** The clipboard where there is no Electron: unit tests and the e2e harness. */
export function memoryClipboard(): ClipboardPort {
  let text = ''
  return { readText: () => text, writeText: (t) => void (text = t) }
}
