import type { CustodyEntry, ReportLanguage } from '../../../shared/domain/custody'
import type { Incident } from '../../../shared/domain/incident'
import type { ReportLabels } from './labels'

/*
 * How the report writes dates, times, sizes and custody entries for a reader
 * (a lawyer, a UN committee), in the report's language. Instants are written
 * in UTC and say so; manifest.json keeps the ISO values.
 */

const locales: Record<ReportLanguage, string> = { en: 'en-GB', ru: 'ru-RU' }

/** A calendar day: "29 Nov 2026", "29 нояб. 2026 г.". */
export function formatDay(date: string, language: ReportLanguage): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

/** An instant, to the minute, in UTC with the zone named: "29 Nov 2026 22:14 UTC". */
export function formatInstant(iso: string, language: ReportLanguage): string {
  const at = new Date(iso)
  const time = new Intl.DateTimeFormat(locales[language], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at)
  return `${formatDay(at.toISOString().slice(0, 10), language)} ${time} UTC`
}

/** When an incident happened, as recorded: the day, the time and the zone it was given in. */
export function formatOccurred(incident: Pick<Incident, 'occurredOn' | 'occurredTime' | 'timeZone'>, labels: ReportLabels, language: ReportLanguage): string {
  const day = formatDay(incident.occurredOn, language)
  if (!incident.occurredTime) return day
  return `${day} ${incident.occurredTime} (${incident.timeZone || labels.zoneNotRecorded})`
}

/** "512 B", "4.9 KB", "12.3 MB"; the decimal separator of the language. */
export function formatSize(bytes: number, labels: ReportLabels, language: ReportLanguage): string {
  const number = (n: number) => new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(n)
  if (bytes < 1024) return `${number(bytes)} ${labels.units.bytes}`
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} ${labels.units.kilobytes}`
  return `${number(bytes / (1024 * 1024))} ${labels.units.megabytes}`
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')

/** What an entry names, in words: a file's name, the incident, the changed fields, the note, the recipient. */
function entryObject(entry: CustodyEntry, labels: ReportLabels): string {
  const d = entry.detail
  switch (entry.action) {
    case 'intake':
    case 'file_attached':
    case 'file_detached':
      return text(d.name)
    case 'attached':
    case 'detached':
      return text(d.title)
    case 'annotated':
      return `“${text(d.text)}”`
    case 'edited': {
      const changed = [d.fields, d.links].flatMap((part) => (part && typeof part === 'object' ? Object.keys(part) : []))
      return changed.map((name) => labels.fieldNames[name] ?? name).join(', ')
    }
    case 'exported':
      return text(d.recipient) || text(d.to) || text(d.format)
    case 'created':
      return ''
  }
}

/** "29 Nov 2026 22:14 UTC: file attached: threat-screenshot.png". */
export function custodySentence(entry: CustodyEntry, labels: ReportLabels, language: ReportLanguage): string {
  const object = entryObject(entry, labels)
  return `${formatInstant(entry.at, language)}: ${labels.actions[entry.action]}${object ? `: ${object}` : ''}`
}
