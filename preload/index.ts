import { contextBridge, ipcRenderer } from 'electron'
import { channelFor, methodNames, type SestraApi } from '../shared/ipc-schema'

// Exactly the contract's methods, nothing else: no raw ipcRenderer, no channel strings.
const api = Object.fromEntries(methodNames.map((name) => [name, (input?: unknown) => ipcRenderer.invoke(channelFor(name), input)]))
contextBridge.exposeInMainWorld('sestra', api as SestraApi)
