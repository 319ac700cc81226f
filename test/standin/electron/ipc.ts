type Handler = (event: unknown, ...args: unknown[]) => unknown

const handlers = new Map<string, Handler>()

/** Electron's ipcMain, for invoke/handle (the only IPC the app uses). */
export const ipcMain = {
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    handlers.set(channel, handler)
  },
  handleOnce(channel: string, handler: Handler): void {
    ipcMain.handle(channel, (event, ...args) => {
      handlers.delete(channel)
      return handler(event, ...args)
    })
  },
  removeHandler(channel: string): void {
    handlers.delete(channel)
  },
  on(): never {
    throw new Error('the Electron stand-in has no ipcMain.on (the app uses invoke/handle only): see docs/TESTING.md')
  },
}

/** What an `ipcRenderer.invoke` from the page runs; the rejection text is Electron's. */
export async function invokeHandler(channel: string, event: unknown, args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel)
  if (!handler) throw new Error(`No handler registered for '${channel}'`)
  return handler(event, ...args)
}
