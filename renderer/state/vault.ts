import { create } from 'zustand'
import type { ErrorCode } from '../../shared/errors'
import { call, errorCodeOf } from '../api'

export type VaultStatus = 'loading' | 'absent' | 'locked' | 'unlocked'

interface VaultData {
  status: VaultStatus
  /** Set when even the vault's state could not be read: nothing else can be shown. */
  failure: ErrorCode | null
  /** What a wipe that did not finish left behind, as main reported it; kept until she acknowledges it. */
  wipeFailure: string | null
}

interface VaultActions {
  load(): Promise<void>
  create(passphrase: string): Promise<void>
  unlock(passphrase: string): Promise<void>
  changePassphrase(current: string, next: string): Promise<void>
  acknowledgeWipeFailure(): Promise<void>
}

export const initialVault: VaultData = { status: 'loading', failure: null, wipeFailure: null }

export const useVault = create<VaultData & VaultActions>()((set) => ({
  ...initialVault,
  async load() {
    try {
      const { state, wipeFailure } = await call('vaultState')
      set({ status: state, failure: null, wipeFailure })
    } catch (error) {
      set({ failure: errorCodeOf(error) })
    }
  },
  async create(passphrase) {
    await call('createVault', { passphrase })
    set({ status: 'unlocked' })
  },
  async unlock(passphrase) {
    await call('unlock', { passphrase })
    set({ status: 'unlocked' })
  },
  async changePassphrase(current, next) {
    await call('changePassphrase', { current, next })
  },
  async acknowledgeWipeFailure() {
    await call('acknowledgeWipeFailure')
    set({ wipeFailure: null })
  },
}))
