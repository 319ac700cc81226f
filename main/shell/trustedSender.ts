import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { isTrustedUrl } from './origins'

/**
 * An IPC call is trusted only when it comes from the top frame of our one
 * window while that frame shows the app's own page. A frame that navigated
 * away, an injected iframe or any other webContents is refused.
 */
export function makeTrustedSender(
  ourContents: () => WebContents | null,
  origins: readonly string[],
): (event: IpcMainInvokeEvent) => boolean {
  return (event) => {
    const contents = ourContents()
    const frame = event.senderFrame
    if (!contents || !frame || event.sender !== contents) return false
    if (frame.parent !== null || frame.detached) return false
    return frame.frameTreeNodeId === contents.mainFrame.frameTreeNodeId && isTrustedUrl(frame.url, origins)
  }
}
