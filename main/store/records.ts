import { campaignInput } from '../../shared/domain/campaign'
import { contactInput } from '../../shared/domain/contact'
import { incidentInput } from '../../shared/domain/incident'
import { linkInput } from '../../shared/domain/link'
import { personInput } from '../../shared/domain/person'
import { travelDocumentInput } from '../../shared/domain/travelDocument'
import type { Database } from '../vault/database'
import { FileStore } from './files'
import { Table } from './table'

/** The narrow data layer: everything above it talks to these, never to SQL. */
export function createStore(db: Database) {
  return {
    campaigns: new Table(db, { table: 'campaigns', schema: campaignInput, orderBy: 'start_date, title' }),
    people: new Table(db, { table: 'people', schema: personInput, orderBy: 'name COLLATE NOCASE' }),
    documents: new Table(db, { table: 'documents', schema: travelDocumentInput, orderBy: 'valid_until' }),
    contacts: new Table(db, {
      table: 'contacts',
      schema: contactInput,
      codecs: { roles: 'json', phones: 'json', channels: 'json', languages: 'json', speedDial: 'bool' },
      orderBy: 'name COLLATE NOCASE, id',
    }),
    incidents: new Table(db, { table: 'incidents', schema: incidentInput, orderBy: 'occurred_on, occurred_time' }),
    links: new Table(db, { table: 'links', schema: linkInput, orderBy: 'created_at' }),
    files: new FileStore(db),
  }
}

export type Store = ReturnType<typeof createStore>

export type RecordCounts = Record<Exclude<keyof Store, 'links'>, number>

export function countRecords(store: Store): RecordCounts {
  return {
    campaigns: store.campaigns.count(),
    people: store.people.count(),
    documents: store.documents.count(),
    contacts: store.contacts.count(),
    incidents: store.incidents.count(),
    files: store.files.count(),
  }
}
