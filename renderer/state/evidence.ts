import { create } from 'zustand'
import type { FileRecord } from '../../shared/domain/file'
import type { Incident, IncidentCreateInput, IncidentKind } from '../../shared/domain/incident'
import { call } from '../api'

export interface TimelineFilter {
  campaignId?: string
  personId?: string
  kind?: IncidentKind
}

export interface Named {
  id: string
  name: string
}

/** Who and what the editor and the filters pick from. */
export interface EvidenceOptions {
  campaigns: Named[]
  people: Named[]
  contacts: Named[]
}

interface EvidenceData {
  filter: TimelineFilter
  items: Incident[]
  total: number
  offset: number
  options: EvidenceOptions
  /** Every stored file by id: names, types and hashes for the editor's list. */
  files: Record<string, FileRecord>
  /** Until the files are read, an id missing from `files` says nothing. */
  filesLoaded: boolean
  /** The incident in the editor: a stored one, a new one, or none (the timeline shows). */
  editing: Incident | 'new' | null
  /** The file in the viewer, over the editor. */
  viewing: FileRecord | null
}

interface EvidenceActions {
  loadTimeline(filter: TimelineFilter, offset?: number): Promise<void>
  loadOptions(): Promise<void>
  loadFiles(): Promise<void>
  startNew(): void
  open(id: string): Promise<void>
  close(): void
  /** Creates or updates; the editor stays open on the saved incident. */
  save(fields: IncidentCreateInput): Promise<Incident>
  remove(id: string): Promise<void>
  view(file: FileRecord): void
  closeViewer(): void
  deleteFile(id: string): Promise<void>
}

export const timelinePageSize = 100
// The contract pages lists; a pick list longer than this is a search, not a list.
const optionsLimit = 500

export const initialEvidence: EvidenceData = {
  filter: {},
  items: [],
  total: 0,
  offset: 0,
  options: { campaigns: [], people: [], contacts: [] },
  files: {},
  filesLoaded: false,
  editing: null,
  viewing: null,
}

// Filters change quickly; only the answer to the latest request may land.
let latestTimeline = 0

export const useEvidence = create<EvidenceData & EvidenceActions>()((set, get) => ({
  ...initialEvidence,

  async loadTimeline(filter, offset = 0) {
    const ticket = ++latestTimeline
    set({ filter })
    const { kind, ...rest } = filter
    const page = await call('listIncidents', { ...rest, kinds: kind ? [kind] : undefined, limit: timelinePageSize, offset })
    if (ticket === latestTimeline) set({ items: page.items, total: page.total, offset })
  },

  async loadOptions() {
    const [campaigns, people, contacts] = await Promise.all([
      call('listCampaigns', { limit: optionsLimit }),
      call('listPeople', { limit: optionsLimit }),
      call('listContacts', { limit: optionsLimit }),
    ])
    set({
      options: {
        campaigns: campaigns.items.map((c) => ({ id: c.id, name: c.title })),
        people: people.items.map((p) => ({ id: p.id, name: p.name })),
        contacts: contacts.items.map((c) => ({ id: c.id, name: c.name })),
      },
    })
  },

  async loadFiles() {
    const files: Record<string, FileRecord> = {}
    for (let offset = 0; ; offset += optionsLimit) {
      const page = await call('listFiles', { limit: optionsLimit, offset })
      for (const file of page.items) files[file.id] = file
      if (page.items.length < optionsLimit) break
    }
    set({ files, filesLoaded: true })
  },

  startNew: () => set({ editing: 'new', viewing: null }),

  async open(id) {
    set({ editing: await call('getIncident', { id }), viewing: null })
  },

  close: () => {
    set({ editing: null, viewing: null })
    void get().loadTimeline(get().filter, get().offset)
  },

  async save(fields) {
    const editing = get().editing
    const saved = editing === null || editing === 'new' ? await call('createIncident', fields) : await call('updateIncident', { id: editing.id, patch: fields })
    set({ editing: saved })
    return saved
  },

  async remove(id) {
    await call('deleteIncident', { id })
    get().close()
  },

  view: (file) => set({ viewing: file }),
  closeViewer: () => set({ viewing: null }),

  async deleteFile(id) {
    await call('deleteFile', { id })
    const editing = get().editing
    set({ viewing: null, editing: editing && editing !== 'new' ? await call('getIncident', { id: editing.id }) : editing })
    await get().loadFiles()
  },
}))
