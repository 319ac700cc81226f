import { allyInput } from '../../shared/domain/ally'
import { campaignInput } from '../../shared/domain/campaign'
import { contactInput } from '../../shared/domain/contact'
import { linkInput } from '../../shared/domain/link'
import { personInput } from '../../shared/domain/person'
import { travelDocumentInput } from '../../shared/domain/travelDocument'
import type { Database } from '../vault/database'
import { CustodyLog } from '../evidence/custodyLog'
import { IncidentStore } from '../evidence/incidentStore'
import type { BlobFolder } from './blobs/blobFolder'
import { FileStore } from './files'
import { FileTransfer } from './fileTransfer'
import { VaultIdentity } from './identity'
import { CampaignPlans } from './campaignPlans'
import { Readability } from './readability'
import { VaultSigningKey } from './signingKey'
import { FirstStepsStore } from './firstSteps'
import { SearchIndex } from './search'
import { Table } from './table'
import { TableRows } from './tableRows'

/** The narrow data layer: everything above it talks to these, never to SQL. */
export function createStore(db: Database, blobs: BlobFolder) {
  const signingKey = new VaultSigningKey(db)
  const custody = new CustodyLog(db, signingKey)
  const files = new FileStore(db, blobs, custody)
  return {
    campaigns: new Table(db, {
      table: 'campaigns',
      schema: campaignInput,
      codecs: { tasks: 'json' },
      orderBy: 'start_date, title',
    }),
    // The family list reads as she thinks of it: herself, then her children, then everyone else.
    people: new Table(db, {
      table: 'people',
      schema: personInput,
      orderBy: `CASE relation WHEN 'self' THEN 0 WHEN 'child' THEN 1 ELSE 2 END, name COLLATE NOCASE`,
    }),
    documents: new Table(db, {
      table: 'documents',
      schema: travelDocumentInput,
      codecs: { neededForTravel: 'bool' },
      orderBy: 'valid_until',
    }),
    contacts: new Table(db, {
      table: 'contacts',
      schema: contactInput,
      codecs: { roles: 'json', phones: 'json', channels: 'json', languages: 'json', speedDial: 'bool', aroundTheClock: 'bool' },
      orderBy: 'name COLLATE NOCASE, id',
    }),
    incidents: new IncidentStore(db, custody),
    links: new Table(db, { table: 'links', schema: linkInput, orderBy: 'created_at' }),
    files,
    custody,
    allies: new Table(db, { table: 'allies', schema: allyInput, orderBy: 'name COLLATE NOCASE, id' }),
    identity: new VaultIdentity(db),
    signingKey,
    fileTransfer: new FileTransfer(db, blobs, files),
    tableRows: new TableRows(db),
    plans: new CampaignPlans(db),
    search: new SearchIndex(db),
    firstSteps: new FirstStepsStore(db),
    readability: new Readability(db),
    transaction: <T>(fn: () => T): T => db.transaction(fn)(),
  }
}

export type Store = ReturnType<typeof createStore>

export type RecordCounts = Record<Exclude<keyof Store, 'links' | 'allies' | 'identity' | 'fileTransfer' | 'tableRows' | 'plans' | 'search' | 'transaction' | 'custody' | 'readability' | 'signingKey' | 'firstSteps'>, number>

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
