/*
 * Runs in the page before any of its scripts (CDP
 * Page.addScriptToEvaluateOnNewDocument), in place of Electron's renderer
 * side: it runs the built preload with the sandbox's `require`, backs
 * `ipcRenderer.invoke` with a CDP binding, and implements
 * `contextBridge.exposeInMainWorld`. Expects toWire/fromWire (wire.js) in
 * scope. Nothing here is reachable from the page once it returns, except the
 * exposed API and the reply hook (a random, non-enumerable name).
 */
/* global toWire, fromWire */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the script browserWindow.ts assembles
function hostPreload(config, preload) {
  const send = globalThis[config.binding]
  delete globalThis[config.binding]
  // Electron runs the preload in the top frame only (nodeIntegrationInSubFrames is off).
  if (globalThis.top !== globalThis || typeof send !== 'function') return

  const pending = new Map()
  let nextId = 1
  Object.defineProperty(globalThis, config.reply, {
    value: (id, ok, payload) => {
      const call = pending.get(id)
      if (!call) return
      pending.delete(id)
      if (ok) call.resolve(fromWire(payload))
      else call.reject(new Error(`Error invoking remote method '${call.channel}': ${payload}`))
    },
  })

  const ipcRenderer = {
    invoke(channel, ...args) {
      // Electron clones the arguments: a function or a DOM node throws here, not in main.
      const wire = toWire(structuredClone(args))
      return new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { channel, resolve, reject })
        send(JSON.stringify({ id, channel: String(channel), args: wire }))
      })
    },
  }

  /** Functions are proxied, everything else copied and frozen (Electron's contextBridge page). */
  const bridge = (value) => {
    if (typeof value === 'function') return (...args) => value(...args)
    if (value === null || typeof value !== 'object') return value
    const copy = Array.isArray(value) ? value.map(bridge) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bridge(v)]))
    return Object.freeze(copy)
  }
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(globalThis, key, { value: bridge(api), enumerable: true, writable: false, configurable: false })
    },
  }

  const electron = { contextBridge, ipcRenderer, webFrame: {}, webUtils: {}, nativeImage: {}, crashReporter: {} }
  const timers = { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate: (fn, ...a) => setTimeout(fn, 0, ...a), clearImmediate: clearTimeout }
  const modules = { events: { EventTarget }, timers, url: { URL, URLSearchParams } }
  const require = (id) => {
    if (id === 'electron') return electron
    const bare = String(id).replace(/^node:/, '')
    if (Object.prototype.hasOwnProperty.call(modules, bare)) return modules[bare]
    throw new Error(`module not found: ${id}`)
  }
  const module = { exports: {} }
  const process = { platform: config.platform, env: {}, versions: {} }
  try {
    preload(require, module, module.exports, process, undefined, globalThis, timers.setImmediate, timers.clearImmediate)
  } catch (error) {
    // Electron logs a failing preload to the console and loads the page without it.
    console.error(`Unable to load preload script: ${config.preloadPath}\n${error}`)
  }
}
