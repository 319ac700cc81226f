import type { Stored } from './domain/common'
import type { CampaignFields } from './domain/campaign'
import type { ContactFields } from './domain/contact'
import type { PersonFields } from './domain/person'
import type { TravelDocumentFields } from './domain/travelDocument'
import type { ExpiryState } from './expiry'
import type { ChecklistItem } from './readiness/checklist'

/*
 * What the data layer hands out for campaigns, people, documents and search:
 * shared so the IPC contract, the CLI and the renderer agree on the shapes.
 */

export type Campaign = Stored<CampaignFields>
export type Person = Stored<PersonFields>
export type TravelDocument = Stored<TravelDocumentFields>

export interface CampaignDetail extends Campaign {
  participantIds: string[]
  checklist: ChecklistItem[]
  briefings: { contactId: string; briefedOn: string }[]
}

/** A person with the parents they are linked to as a child (links of kind child_of). */
export interface PersonWithRelations extends Person {
  childOf: string[]
}

export interface ExpiringDocument extends TravelDocument, ExpiryState {
  personName: string
}

export const searchableTypes = ['campaign', 'person', 'document', 'contact', 'incident'] as const
export type SearchableType = (typeof searchableTypes)[number]

export interface SearchHit {
  type: SearchableType
  id: string
  title: string
  /** The matching passage, with the matched words between \u0002 and \u0003; empty when found by role, kind or holder. */
  snippet: string
  /**
   * What tells equal titles apart: a document's kind, country, expiry and
   * holder; a contact's roles and organisation.
   */
  document?: { kind: TravelDocument['kind']; issuingCountry: string; validUntil: string | null; holder: string }
  contact?: { roles: ContactFields['roles']; organisation: string }
}
