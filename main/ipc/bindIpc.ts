import type { IpcMainInvokeEvent } from 'electron'
import { ipcMain } from 'electron'
import type { Language } from '../../shared/errors'
import { channelFor, methodNames, type Handlers } from '../../shared/ipc-schema'
import { dispatch, refusedSender } from './dispatch'

/**
 * Binds every contract method to `ipcMain.handle`. A call whose sending frame
 * is not the app's own page (an injected iframe, a navigated window) is
 * refused before its input is even parsed.
 */
export function bindIpc(
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  language: () => Language,
): void {
  for (const name of methodNames) {
    ipcMain.handle(channelFor(name), async (event, input: unknown) => {
      if (!isTrustedSender(event)) return refusedSender(language())
      return dispatch(handlers, name, input, language())
    })
  }
}
