import type { CustodyAction, ReportLanguage } from '../../../shared/domain/custody'
import type { incidentKinds, severities } from '../../../shared/domain/incident'
import { incidentKindNames } from '../../../shared/evidence/incidentKindNames'

type Kind = (typeof incidentKinds)[number]
type Severity = (typeof severities)[number]

export interface ReportLabels {
  title: string
  generated: string
  recipient: string
  selection: string
  allIncidents: string
  incidentsCount: string
  timeline: string
  details: string
  occurred: string
  recorded: string
  kind: string
  severity: string
  place: string
  platform: string
  url: string
  perpetrators: string
  witnesses: string
  people: string
  campaign: string
  description: string
  files: string
  noFiles: string
  size: string
  type: string
  modified: string
  intake: string
  custody: string
  hashNote: string
  zoneNotRecorded: string
  entryHash: string
  fileHash: string
  pictureMissing: string
  units: { bytes: string; kilobytes: string; megabytes: string }
  /** Incident fields and links as an "edited" entry names them. */
  fieldNames: Record<string, string>
  page: (n: number, of: number) => string
  kinds: Record<Kind, string>
  severities: Record<Severity, string>
  actions: Record<CustodyAction, string>
}

const en: ReportLabels = {
  title: 'Evidence report',
  generated: 'Generated',
  recipient: 'Prepared for',
  selection: 'Selection',
  allIncidents: 'all incidents',
  incidentsCount: 'Incidents',
  timeline: 'Timeline',
  details: 'Incidents in detail',
  occurred: 'When it happened',
  recorded: 'Recorded',
  kind: 'Kind',
  severity: 'Severity',
  place: 'Place',
  platform: 'Platform',
  url: 'Address (URL)',
  perpetrators: 'Perpetrators',
  witnesses: 'Witnesses',
  people: 'People concerned',
  campaign: 'Campaign',
  description: 'Description',
  files: 'Attached files',
  noFiles: 'No files attached.',
  size: 'Size',
  type: 'Type',
  modified: 'File modified',
  intake: 'Taken into the vault',
  custody: 'Chain of custody',
  hashNote:
    'Each file is identified by the SHA-256 of its exact bytes, taken when it entered the vault. Each custody entry carries the SHA-256 of the entry before it; manifest.json holds the same data machine-readably.',
  zoneNotRecorded: 'time zone not recorded',
  entryHash: 'SHA-256 of this entry',
  fileHash: 'SHA-256 of the file',
  pictureMissing: 'The picture could not be shown here; the file and its hash are listed above.',
  units: { bytes: 'B', kilobytes: 'KB', megabytes: 'MB' },
  fieldNames: {
    title: 'title',
    kind: 'kind',
    severity: 'severity',
    occurredOn: 'date',
    occurredTime: 'time',
    timeZone: 'time zone',
    place: 'place',
    platform: 'platform',
    url: 'address',
    perpetrators: 'perpetrators',
    witnesses: 'witnesses',
    description: 'description',
    campaignId: 'campaign',
    personIds: 'people concerned',
    perpetratorContactIds: 'perpetrators',
    witnessContactIds: 'witnesses',
  },
  page: (n, of) => `Page ${n} of ${of}`,
  kinds: incidentKindNames.en,
  severities: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  actions: {
    created: 'recorded',
    intake: 'taken into the vault',
    edited: 'edited',
    annotated: 'note added',
    file_attached: 'file attached',
    file_detached: 'file detached',
    attached: 'attached to the incident',
    detached: 'detached from the incident',
    exported: 'exported',
  },
}

const ru: ReportLabels = {
  title: 'Отчёт о доказательствах',
  generated: 'Составлен',
  recipient: 'Для кого',
  selection: 'Выборка',
  allIncidents: 'все инциденты',
  incidentsCount: 'Инцидентов',
  timeline: 'Хронология',
  details: 'Инциденты подробно',
  occurred: 'Когда произошло',
  recorded: 'Записано',
  kind: 'Вид',
  severity: 'Тяжесть',
  place: 'Место',
  platform: 'Площадка',
  url: 'Адрес (URL)',
  perpetrators: 'Нарушители',
  witnesses: 'Свидетели',
  people: 'Кого касается',
  campaign: 'Кампания',
  description: 'Описание',
  files: 'Прикреплённые файлы',
  noFiles: 'Файлов нет.',
  size: 'Размер',
  type: 'Тип',
  modified: 'Файл изменён',
  intake: 'Принят в хранилище',
  custody: 'Цепочка хранения',
  hashNote:
    'Каждый файл определяется хешем SHA-256 его точного содержимого, вычисленным при приёме в хранилище. Каждая запись цепочки хранения содержит SHA-256 предыдущей записи; manifest.json содержит те же данные в машиночитаемом виде.',
  zoneNotRecorded: 'часовой пояс не указан',
  entryHash: 'SHA-256 этой записи',
  fileHash: 'SHA-256 файла',
  pictureMissing: 'Изображение не удалось показать здесь; файл и его хеш указаны выше.',
  units: { bytes: 'Б', kilobytes: 'КБ', megabytes: 'МБ' },
  fieldNames: {
    title: 'название',
    kind: 'вид',
    severity: 'тяжесть',
    occurredOn: 'дата',
    occurredTime: 'время',
    timeZone: 'часовой пояс',
    place: 'место',
    platform: 'площадка',
    url: 'адрес',
    perpetrators: 'нарушители',
    witnesses: 'свидетели',
    description: 'описание',
    campaignId: 'кампания',
    personIds: 'кого касается',
    perpetratorContactIds: 'нарушители',
    witnessContactIds: 'свидетели',
  },
  page: (n, of) => `Страница ${n} из ${of}`,
  kinds: incidentKindNames.ru,
  severities: { low: 'низкая', medium: 'средняя', high: 'высокая', critical: 'критическая' },
  actions: {
    created: 'записано',
    intake: 'принято в хранилище',
    edited: 'изменено',
    annotated: 'добавлено примечание',
    file_attached: 'прикреплён файл',
    file_detached: 'откреплён файл',
    attached: 'прикреплён к инциденту',
    detached: 'откреплён от инцидента',
    exported: 'экспортировано',
  },
}

export const reportLabels: Record<ReportLanguage, ReportLabels> = { en, ru }
