import { readFileSync } from 'node:fs'
import events from 'node:events'
import timers from 'node:timers'
import url from 'node:url'
import { runInNewContext } from 'node:vm'

/*
 * What a sandboxed preload may `require`, from Electron's "Process Sandboxing"
 * page: electron's renderer modules, and the events, timers and url polyfills
 * (also under their node: names). Anything else throws "module not found".
 */
export const sandboxElectronModules = ['contextBridge', 'ipcRenderer', 'webFrame', 'webUtils', 'nativeImage', 'crashReporter'] as const
export const sandboxNodeModules = ['events', 'timers', 'url'] as const

export type SandboxElectron = Record<(typeof sandboxElectronModules)[number], object>

/** The preload's require: `electron` and the three polyfills, nothing else. */
export function sandboxRequire(electron: SandboxElectron): (id: string) => unknown {
  const node: Record<string, unknown> = { events, timers, url }
  return (id) => {
    if (id === 'electron') return electron
    const bare = id.replace(/^node:/, '')
    if ((sandboxNodeModules as readonly string[]).includes(bare)) return node[bare]
    throw new Error(`module not found: ${id} (a sandboxed preload can require only electron, events, timers and url)`)
  }
}

/**
 * Runs a built CommonJS preload in a fresh V8 context with the sandbox's
 * require and globals, as Electron does before any page script. Throws what
 * the preload throws, e.g. on `require("zod")`.
 */
export function runSandboxedPreload(file: string, electron: SandboxElectron): void {
  const code = readFileSync(file, 'utf8')
  const module = { exports: {} }
  runInNewContext(code, {
    require: sandboxRequire(electron),
    module,
    exports: module.exports,
    // The sandbox's process is a small subset; Buffer and the immediates are polyfilled.
    process: { platform: process.platform, env: {}, versions: {} },
    Buffer,
    setImmediate,
    clearImmediate,
    console,
  }, { filename: file })
}
