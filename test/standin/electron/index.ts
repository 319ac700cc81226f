/*
 * A test-only stand-in for the `electron` package: the built main process
 * (out/main/index.js) runs under plain Node with this module in Electron's
 * place, and Debian's Chromium renders its window. Never shipped, never
 * imported by app code: register.mjs maps the specifier 'electron' here.
 * What it does and does not reproduce: docs/TESTING.md.
 */
export { app, protocol } from './app'
export { BrowserWindow, WebContents } from './browserWindow'
export { ipcMain } from './ipc'
export { session } from './session'
export { clipboard, dialog, globalShortcut, Notification, powerMonitor, shell } from './system'
