/**
 * What the app asked of Electron that leaves no trace in the page: the test
 * reads it over the control channel. Names and settings only, never vault
 * content (IPC calls are recorded by channel, not by argument).
 */
export const recorded = {
  ipc: [] as string[],
  notifications: [] as { title?: string; body?: string }[],
  openExternal: [] as string[],
  contentProtection: [] as boolean[],
  shortcuts: [] as string[],
  messageBoxes: [] as { message: string; buttons: string[] }[],
  openDialogs: [] as string[],
  saveDialogs: [] as string[],
  privilegedSchemes: [] as unknown[],
  permissionHandlers: [] as string[],
  spellChecker: [] as unknown[],
  clearStorageData: 0,
  clearCache: 0,
  commandLine: [] as string[],
  windowsOpened: 0,
  renderersGone: [] as string[],
}
