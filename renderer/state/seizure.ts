import { create } from 'zustand'
import type { Settings } from '../../shared/domain/settings'
import { call } from '../api'
import { forgetEverything, reportError } from './session'

interface SeizureData {
  /** Null until read from main; settings are not vault content, so nothing here is secret. */
  settings: Settings | null
}

interface SeizureActions {
  load(): Promise<void>
  update(patch: Partial<Settings>): Promise<void>
}

export const useSeizure = create<SeizureData & SeizureActions>()((set, get) => ({
  settings: null,
  async load() {
    set({ settings: await call('getSettings') })
  },
  // Shown at once, so a radio or checkbox follows the click; put back if main refuses.
  // The whole object goes over: the contract's patch schema fills absent
  // fields with their defaults, so a lone field would reset the others.
  async update(patch) {
    const before = get().settings
    if (!before) return
    const next = { ...before, ...patch }
    set({ settings: next })
    try {
      set({ settings: await call('updateSettings', next) })
    } catch (error) {
      set({ settings: before })
      throw error
    }
  },
}))

/** In Electron the shell quits or restarts the renderer itself; the reload covers the browser harness. */
export async function panicWipe(): Promise<void> {
  await call('panicWipe')
  forgetEverything()
}

/** Null removes it. Needs the real passphrase, checked by main. */
export async function setDuressPassphrase(current: string, duress: string | null): Promise<void> {
  await call('setDuressPassphrase', { current, duress })
}

/** Through main, which clears the clipboard after 30 s if it still holds this text. */
export async function copyToClipboard(text: string): Promise<void> {
  await call('copyToClipboard', { text })
}

// The auto-lock only needs to know the person is there; one report per
// stretch is enough and keeps typing from turning into a stream of IPC calls.
const activityEveryMs = 15_000
let lastActivityReport = Number.NEGATIVE_INFINITY

export function noteActivity(now = Date.now()): void {
  if (now - lastActivityReport < activityEveryMs) return
  lastActivityReport = now
  call('reportActivity').catch((error: unknown) => void reportError(error))
}
