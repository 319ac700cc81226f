import { contextBridge, ipcRenderer } from 'electron'
import type { SestraApi } from '../shared/ipc-schema'
import { channelFor, methodNames } from '../shared/ipcMethods'

// Exactly the contract's methods, nothing else: no raw ipcRenderer, no channel strings.
// Only the plain name list is imported: a sandboxed preload cannot require zod.
const api = Object.fromEntries(methodNames.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelFor(name), input)]))
contextBridge.exposeInMainWorld('sestra', api as SestraApi)
