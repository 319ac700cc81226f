import { create } from 'zustand'
import type { ContactInput } from '../../shared/domain/contact'
import type { Contact } from '../../shared/ipc-schema'
import { call } from '../api'

export interface BriefingChange {
  campaignId: string
  briefedOn: string | null
}

export interface CampaignBriefing {
  campaignId: string
  title: string
  /** YYYY-MM-DD, or '' when this contact was not briefed for it. */
  briefedOn: string
}

// The first hundred campaigns by start date: enough for one person's briefings.
const briefingCampaigns = 100

/** The campaigns with the day this contact was briefed for each. */
export async function loadBriefings(contactId: string | null): Promise<CampaignBriefing[]> {
  const page = await call('listCampaigns', { limit: briefingCampaigns })
  const details = contactId === null ? [] : await Promise.all(page.items.map((c) => call('getCampaign', { id: c.id })))
  return page.items.map((c, i) => ({
    campaignId: c.id,
    title: c.title,
    briefedOn: details[i]?.briefings.find((b) => b.contactId === contactId)?.briefedOn ?? '',
  }))
}

interface ContactsData {
  query: string
  items: Contact[]
  total: number
  speedDial: Contact[]
  /** The contact in the editor: a stored one, a new one, or none (the list shows). */
  editing: Contact | 'new' | null
}

interface ContactsActions {
  search(query: string): Promise<void>
  refreshSpeedDial(): Promise<void>
  startNew(): void
  open(id: string): Promise<void>
  close(): void
  /** `briefings` lists only the campaigns whose "briefed on" day changed. */
  save(fields: ContactInput, briefings?: BriefingChange[]): Promise<void>
  remove(id: string): Promise<void>
}

export const initialContacts: ContactsData = { query: '', items: [], total: 0, speedDial: [], editing: null }

// The contract caps a page at 500; a speed-dial list longer than that is not a speed dial.
const speedDialScan = 500

// Typing fires a search per key; only the answer to the latest one may land.
let latestSearch = 0

export const useContacts = create<ContactsData & ContactsActions>()((set, get) => ({
  ...initialContacts,

  async search(query) {
    const ticket = ++latestSearch
    set({ query })
    const page = await call('listContacts', { query })
    if (ticket === latestSearch) set({ items: page.items, total: page.total })
  },

  async refreshSpeedDial() {
    const page = await call('listContacts', { limit: speedDialScan })
    set({ speedDial: page.items.filter((contact) => contact.speedDial) })
  },

  startNew: () => set({ editing: 'new' }),

  async open(id) {
    set({ editing: await call('getContact', { id }) })
  },

  close: () => set({ editing: null }),

  async save(fields, briefings = []) {
    const editing = get().editing
    if (editing === null) return
    const saved = editing === 'new' ? await call('createContact', fields) : await call('updateContact', { id: editing.id, patch: fields })
    for (const { campaignId, briefedOn } of briefings) await call('setBriefing', { campaignId, contactId: saved.id, briefedOn })
    set({ editing: null })
    await Promise.all([get().search(get().query), get().refreshSpeedDial()])
  },

  async remove(id) {
    await call('deleteContact', { id })
    set({ editing: null })
    await Promise.all([get().search(get().query), get().refreshSpeedDial()])
  },
}))
