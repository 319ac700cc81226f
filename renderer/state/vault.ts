import { create } from 'zustand'
import type { ErrorCode } from '../../shared/errors'
import { call, errorCodeOf } from '../api'

export type VaultStatus = 'loading' | 'absent' | 'locked' | 'unlocked'

interface VaultData {
  status: VaultStatus
  /** Set when even the vault's state could not be read: nothing else can be shown. */
  failure: ErrorCode | null
}

interface VaultActions {
  load(): Promise<void>
  create(passphrase: string): Promise<void>
  unlock(passphrase: string): Promise<void>
  changePassphrase(current: string, next: string): Promise<void>
}

export const initialVault: VaultData = { status: 'loading', failure: null }

export const useVault = create<VaultData & VaultActions>()((set) => ({
  ...initialVault,
  async load() {
    try {
      const { state } = await call('vaultState')
      set({ status: state, failure: null })
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
}))
