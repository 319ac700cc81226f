import type { Language } from '../errors'
import type { incidentKinds } from '../domain/incident'

/** One wording per language for the app and the PDF report, so a lawyer reads the same words the activist chose. */
export const incidentKindNames: Record<Language, Record<(typeof incidentKinds)[number], string>> = {
  en: {
    threat: 'Threat',
    online_harassment: 'Online harassment',
    publication_doxxing: 'Publication or doxxing',
    call_to_violence: 'Call to violence',
    police_action: 'Police action',
    planted_drugs: 'Planted drugs',
    detention: 'Detention',
    physical_attack: 'Physical attack',
    service_discrimination: 'Discrimination by a service',
    other: 'Other',
  },
  ru: {
    threat: 'Угроза',
    online_harassment: 'Травля в интернете',
    publication_doxxing: 'Публикация или раскрытие личных данных',
    call_to_violence: 'Призыв к насилию',
    police_action: 'Действия полиции',
    planted_drugs: 'Подброшенные наркотики',
    detention: 'Задержание',
    physical_attack: 'Нападение',
    service_discrimination: 'Дискриминация в учреждении',
    other: 'Другое',
  },
}
