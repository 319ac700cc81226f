import type { CustodyEntry, ReportLanguage } from '../../../shared/domain/custody'
import type { FileRecord } from '../../../shared/domain/file'
import type { Incident, IncidentFilter } from '../../../shared/domain/incident'
import type { Store } from '../../store/records'

export interface Named {
  id: string
  name: string
}

export interface ReportFile extends FileRecord {
  custody: CustodyEntry[]
}

export interface ReportIncident {
  incident: Incident
  campaign: Named | null
  people: Named[]
  perpetrators: Named[]
  witnesses: Named[]
  files: ReportFile[]
  custody: CustodyEntry[]
}

export interface ReportData {
  generatedAt: string
  language: ReportLanguage
  recipient: string
  filter: IncidentFilter
  incidents: ReportIncident[]
}

/** Everything a report shows, read once so the PDF and the manifest cannot disagree. */
export function collectReport(
  store: Store,
  request: { filter: IncidentFilter; language: ReportLanguage; recipient: string },
  now = new Date(),
): ReportData {
  const named = (ids: string[], get: (id: string) => { id: string; name: string }) => ids.map((id) => ({ id, name: get(id).name }))
  const incidents = store.incidents.list(request.filter).items.map((incident) => ({
    incident,
    campaign: incident.campaignId ? { id: incident.campaignId, name: store.campaigns.get(incident.campaignId).title } : null,
    people: named(incident.personIds, (id) => store.people.get(id)),
    perpetrators: named(incident.perpetratorContactIds, (id) => store.contacts.get(id)),
    witnesses: named(incident.witnessContactIds, (id) => store.contacts.get(id)),
    files: incident.fileIds.map((id) => ({ ...store.files.get(id), custody: store.custody.entries('file', id) })),
    custody: store.custody.entries('incident', incident.id),
  }))
  return { generatedAt: now.toISOString(), language: request.language, recipient: request.recipient, filter: request.filter, incidents }
}
