import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ipcSchema } from '../../shared/ipc-schema'
import { channelFor, methodNames } from '../../shared/ipcMethods'
import { runSandboxedPreload, type SandboxElectron } from '../standin/sandboxedPreload'

const builtPreload = resolve(import.meta.dirname, '../../out/preload/index.cjs')

/** A fake renderer-side electron that records what the preload exposes and invokes. */
function recordingElectron() {
  const exposed: Record<string, unknown> = {}
  const invoked: unknown[][] = []
  const electron: SandboxElectron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
    ipcRenderer: { invoke: async (...args: unknown[]) => void invoked.push(args) },
    webFrame: {},
    webUtils: {},
    nativeImage: {},
    crashReporter: {},
  }
  return { electron, exposed, invoked }
}

describe('the preload names exactly the contract', () => {
  it('lists every method of ipcSchema, once, and nothing else', () => {
    expect([...methodNames].sort()).toEqual(Object.keys(ipcSchema).sort())
    expect(new Set(methodNames).size).toBe(methodNames.length)
  })
})

describe('the built preload in Electron\'s sandbox', () => {
  it('loads with only electron, events, timers and url, and exposes sestra with exactly the contract', async () => {
    // `npm test` builds before vitest runs: a missing build is a failure, never a skip.
    expect(existsSync(builtPreload), `no built preload at ${builtPreload}: run "npx electron-vite build" first`).toBe(true)
    const { electron, exposed, invoked } = recordingElectron()
    runSandboxedPreload(builtPreload, electron)

    expect(Object.keys(exposed)).toEqual(['sestra'])
    const sestra = exposed.sestra as Record<string, unknown>
    expect(Object.keys(sestra).sort()).toEqual(Object.keys(ipcSchema).sort())
    expect(Object.values(sestra).every((value) => typeof value === 'function')).toBe(true)

    await (sestra.unlock as (input: unknown) => Promise<unknown>)({ passphrase: 'fictional' })
    expect(invoked).toEqual([[channelFor('unlock'), { passphrase: 'fictional' }]])
  })

  it('refuses a preload that requires anything else, as the sandbox does', async () => {
    const { electron } = recordingElectron()
    // What the preload was built into before issue 9: it needed zod.
    const dir = await mkdtemp(join(tmpdir(), 'sestra-preload-'))
    const file = join(dir, 'index.cjs')
    await writeFile(file, 'const zod = require("zod")\nrequire("electron").contextBridge.exposeInMainWorld("sestra", { zod })\n')
    try {
      expect(() => runSandboxedPreload(file, electron)).toThrow('module not found: zod')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
