import { create } from 'zustand'
import { localToday } from '../../shared/calendarDates'
import type { CampaignInput } from '../../shared/domain/campaign'
import type { ChecklistItemPatch } from '../../shared/domain/checklistItem'
import type { CampaignReadiness } from '../../shared/readiness/rules'
import type { Campaign, CampaignDetail } from '../../shared/recordViews'
import { call } from '../api'

export interface CampaignSummary {
  campaign: Campaign
  score: CampaignReadiness['score']
}

export type CampaignTab = 'dashboard' | 'checklist' | 'details'

interface CampaignsData {
  items: CampaignSummary[]
  total: number
  offset: number
  /** The campaign on screen: a stored one, a new one, or none (the list shows). */
  current: CampaignDetail | 'new' | null
  readiness: CampaignReadiness | null
  tab: CampaignTab
}

interface CampaignsActions {
  loadPage(offset: number): Promise<void>
  startNew(): void
  open(id: string, tab?: CampaignTab): Promise<void>
  close(): void
  /** Reads the open campaign again: people, documents and contacts may have changed meanwhile. */
  refresh(): Promise<void>
  setTab(tab: CampaignTab): void
  save(fields: CampaignInput, participantIds: string[]): Promise<void>
  remove(id: string): Promise<void>
  updateItem(id: string, patch: ChecklistItemPatch): Promise<void>
  addItem(title: string, dueDate: string | null): Promise<void>
  deleteItem(id: string): Promise<void>
}

export const initialCampaigns: CampaignsData = { items: [], total: 0, offset: 0, current: null, readiness: null, tab: 'dashboard' }

export const campaignPageSize = 25

// Readiness is judged on the user's wall-calendar day, not the main process's.
const readinessOf = (id: string) => call('campaignReadiness', { id, today: localToday() })

export const useCampaigns = create<CampaignsData & CampaignsActions>()((set, get) => {
  // Quick changes overlap; only the answer to the latest read may land.
  let latestReload = 0

  /** After any change the checklist and the score are read again: the rules live in main. */
  async function reload(id: string): Promise<void> {
    const ticket = ++latestReload
    const [current, readiness] = await Promise.all([call('getCampaign', { id }), readinessOf(id)])
    if (ticket === latestReload) set({ current, readiness })
  }

  return {
    ...initialCampaigns,

    async loadPage(offset) {
      const page = await call('listCampaigns', { limit: campaignPageSize, offset })
      const scores = await Promise.all(page.items.map((c) => readinessOf(c.id)))
      set({ items: page.items.map((campaign, i) => ({ campaign, score: scores[i]!.score })), total: page.total, offset })
    },

    startNew: () => set({ current: 'new', readiness: null, tab: 'details' }),

    async open(id, tab = 'dashboard') {
      await reload(id)
      set({ tab })
    },

    close() {
      set({ current: null, readiness: null })
      void get().loadPage(get().offset)
    },

    setTab: (tab) => set({ tab }),

    async refresh() {
      const current = get().current
      if (current !== null && current !== 'new') await reload(current.id)
    },

    async save(fields, participantIds) {
      const current = get().current
      if (current === null) return
      const saved =
        current === 'new'
          ? await call('createCampaign', { ...fields, participantIds })
          : await call('updateCampaign', { id: current.id, patch: fields, participantIds })
      await reload(saved.id)
      if (current === 'new') set({ tab: 'dashboard' })
    },

    async remove(id) {
      await call('deleteCampaign', { id })
      get().close()
    },

    async updateItem(id, patch) {
      const current = get().current
      if (current === null || current === 'new') return
      await call('updateChecklistItem', { id, patch })
      await reload(current.id)
    },

    async addItem(title, dueDate) {
      const current = get().current
      if (current === null || current === 'new') return
      await call('addChecklistItem', { campaignId: current.id, title, dueDate })
      await reload(current.id)
    },

    async deleteItem(id) {
      const current = get().current
      if (current === null || current === 'new') return
      await call('deleteChecklistItem', { id })
      await reload(current.id)
    },
  }
})
