import { create } from 'zustand'
import type { AllyInput } from '../../shared/domain/ally'
import type { Ally, VaultIdentityInfo } from '../../shared/ipc-schema'
import { call } from '../api'

export const alliesParts = ['own', 'allies', 'export', 'open'] as const
export type AlliesPart = (typeof alliesParts)[number]

interface AlliesData {
  identity: VaultIdentityInfo | null
  allies: Ally[]
  /** Which part of the screen is shown: other screens open "make a backup" directly. */
  part: AlliesPart
}

interface AlliesActions {
  load(): Promise<void>
  add(ally: AllyInput): Promise<void>
  remove(id: string): Promise<void>
  show(part: AlliesPart): void
}

export const initialAllies: AlliesData = { identity: null, allies: [], part: 'own' }

export const useAllies = create<AlliesData & AlliesActions>()((set) => ({
  ...initialAllies,

  async load() {
    const [identity, allies] = await Promise.all([call('getIdentity'), call('listAllies')])
    set({ identity, allies })
  },

  async add(ally) {
    await call('addAlly', ally)
    set({ allies: await call('listAllies') })
  },

  async remove(id) {
    await call('deleteAlly', { id })
    set({ allies: await call('listAllies') })
  },

  show: (part) => set({ part }),
}))
