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
  page: (n, of) => `Page ${n} of ${of}`,
  kinds: incidentKindNames.en,
  severities: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
  actions: {
    created: 'Recorded',
    intake: 'Taken into the vault',
    edited: 'Edited',
    annotated: 'Annotation',
    file_attached: 'File attached',
    file_detached: 'File detached',
    attached: 'Attached to incident',
    detached: 'Detached from incident',
    exported: 'Exported',
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
  page: (n, of) => `Страница ${n} из ${of}`,
  kinds: incidentKindNames.ru,
  severities: { low: 'низкая', medium: 'средняя', high: 'высокая', critical: 'критическая' },
  actions: {
    created: 'Записано',
    intake: 'Принято в хранилище',
    edited: 'Изменено',
    annotated: 'Примечание',
    file_attached: 'Файл прикреплён',
    file_detached: 'Файл откреплён',
    attached: 'Прикреплён к инциденту',
    detached: 'Откреплён от инцидента',
    exported: 'Экспортировано',
  },
}

export const reportLabels: Record<ReportLanguage, ReportLabels> = { en, ru }
