import { create } from 'zustand'
import type { ContactInput } from '../../shared/domain/contact'
import type { Contact } from '../../shared/ipc-schema'
import { call } from '../api'

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
  save(fields: ContactInput): Promise<void>
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

  async save(fields) {
    const editing = get().editing
    if (editing === null) return
    if (editing === 'new') await call('createContact', fields)
    else await call('updateContact', { id: editing.id, patch: fields })
    set({ editing: null })
    await Promise.all([get().search(get().query), get().refreshSpeedDial()])
  },

  async remove(id) {
    await call('deleteContact', { id })
    set({ editing: null })
    await Promise.all([get().search(get().query), get().refreshSpeedDial()])
  },
}))
