import { create } from 'zustand'
import { localToday } from '../../shared/calendarDates'
import type { PersonInput } from '../../shared/domain/person'
import type { TravelDocumentInput, documentKinds } from '../../shared/domain/travelDocument'
import type { ExpiryBand } from '../../shared/expiry'
import type { ExpiringDocument, PersonWithRelations, TravelDocument } from '../../shared/recordViews'
import type { TravelNeed } from '../../shared/travelNeeds'
import { call } from '../api'
import type { ExpiryWindow } from '../../shared/expiry'
import { storedExpiryWindow, storeExpiryWindow, windowDays } from './expiryWindow'

export type DocumentKind = (typeof documentKinds)[number]
export type PeopleView = 'family' | 'expiry'

export interface ExpiryFilter {
  personId?: string
  kind?: DocumentKind
}

/** What the document editor holds: a stored document or a new one for a person. */
export type DocumentDraft = { document: TravelDocument } | { personId: string }

interface PeopleData {
  view: PeopleView
  items: PersonWithRelations[]
  total: number
  offset: number
  /** Documents of the people on the current page, soonest expiry first. */
  documents: Record<string, TravelDocument[]>
  /** Every person, by id, for names in relations, filters and pickers. */
  everyone: PersonWithRelations[]
  editingPerson: PersonWithRelations | 'new' | null
  editingDocument: DocumentDraft | null
  expiry: {
    filter: ExpiryFilter
    window: ExpiryWindow
    /** The "next campaign" window found no campaign coming and shows 180 days. */
    noCampaign: boolean
    items: ExpiringDocument[]
    total: number
    offset: number
  }
  /** What upcoming campaigns ask of each traveller's documents. */
  travelNeeds: TravelNeed[]
  /** Expired or within 30 / 90 days, counted at unlock; null until read or once dismissed. */
  reminder: Partial<Record<ExpiryBand, number>> | null
}

interface PeopleActions {
  setView(view: PeopleView): void
  loadPage(offset: number): Promise<void>
  loadEveryone(): Promise<void>
  startNewPerson(): void
  openPerson(id: string): Promise<void>
  savePerson(fields: PersonInput, childOf: string[]): Promise<void>
  removePerson(id: string): Promise<void>
  startNewDocument(personId: string): void
  openDocument(id: string): Promise<void>
  saveDocument(fields: TravelDocumentInput): Promise<void>
  removeDocument(id: string): Promise<void>
  closeEditor(): void
  loadExpiry(filter: ExpiryFilter, offset: number): Promise<void>
  setExpiryWindow(window: ExpiryWindow): Promise<void>
  loadTravelNeeds(): Promise<void>
  loadReminder(): Promise<void>
  dismissReminder(): void
}

export const peoplePageSize = 25
export const expiryPageSize = 50
// The reminder reaches only to the nearer bands.
const reminderDays = 90
// A pick list longer than this is a search, not a list: the contract pages at 1,000.
const everyoneLimit = 1000

export const initialPeople: PeopleData = {
  view: 'family',
  items: [],
  total: 0,
  offset: 0,
  documents: {},
  everyone: [],
  editingPerson: null,
  editingDocument: null,
  expiry: { filter: {}, window: 'days180', noCampaign: false, items: [], total: 0, offset: 0 },
  travelNeeds: [],
  reminder: null,
}

export const usePeople = create<PeopleData & PeopleActions>()((set, get) => {
  async function refresh(): Promise<void> {
    set({ editingPerson: null, editingDocument: null })
    await Promise.all([get().loadPage(get().offset), get().loadEveryone()])
  }

  return {
    ...initialPeople,

    setView: (view) => set({ view, editingPerson: null, editingDocument: null }),

    async loadPage(offset) {
      const page = await call('listPeople', { limit: peoplePageSize, offset })
      const lists = await Promise.all(page.items.map((p) => call('listDocuments', { personId: p.id, limit: 100 })))
      set({
        items: page.items,
        total: page.total,
        offset,
        documents: Object.fromEntries(page.items.map((p, i) => [p.id, lists[i]!.items])),
      })
    },

    async loadEveryone() {
      set({ everyone: (await call('listPeople', { limit: everyoneLimit })).items })
    },

    startNewPerson: () => set({ editingPerson: 'new', editingDocument: null }),

    async openPerson(id) {
      const known = get().everyone.find((p) => p.id === id)
      if (!known) await get().loadEveryone()
      const person = get().everyone.find((p) => p.id === id)
      set({ view: 'family', editingDocument: null, editingPerson: person ?? null })
    },

    async savePerson(fields, childOf) {
      const editing = get().editingPerson
      if (editing === null) return
      if (editing === 'new') await call('createPerson', { ...fields, childOf })
      else await call('updatePerson', { id: editing.id, patch: fields, childOf })
      await refresh()
    },

    async removePerson(id) {
      await call('deletePerson', { id })
      await refresh()
    },

    startNewDocument: (personId) => set({ editingDocument: { personId }, editingPerson: null }),

    async openDocument(id) {
      const document = await call('getDocument', { id })
      set({ view: 'family', editingPerson: null, editingDocument: { document } })
    },

    async saveDocument(fields) {
      const editing = get().editingDocument
      if (editing === null) return
      if ('document' in editing) await call('updateDocument', { id: editing.document.id, patch: fields })
      else await call('createDocument', fields)
      await refresh()
    },

    async removeDocument(id) {
      await call('deleteDocument', { id })
      await refresh()
    },

    closeEditor: () => set({ editingPerson: null, editingDocument: null }),

    async loadExpiry(filter, offset) {
      const today = localToday()
      const window = await storedExpiryWindow()
      if (window === 'nextCampaign') await get().loadTravelNeeds()
      const { days, noCampaign } = windowDays(window, get().travelNeeds, today)
      const page = await call('expiringDocuments', { ...filter, withinDays: days, today, limit: expiryPageSize, offset })
      set({ expiry: { filter, window, noCampaign, items: page.items, total: page.total, offset } })
    },

    async setExpiryWindow(window) {
      await storeExpiryWindow(window)
      await get().loadExpiry(get().expiry.filter, 0)
    },

    async loadTravelNeeds() {
      set({ travelNeeds: await call('travelNeeds', { today: localToday() }) })
    },

    async loadReminder() {
      const page = await call('expiringDocuments', { withinDays: reminderDays, today: localToday(), limit: 1000 })
      const counts: Partial<Record<ExpiryBand, number>> = {}
      for (const d of page.items) counts[d.band] = (counts[d.band] ?? 0) + 1
      set({ reminder: page.total > 0 ? counts : null })
    },

    dismissReminder: () => set({ reminder: null }),
  }
})
