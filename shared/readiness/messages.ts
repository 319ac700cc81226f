import type { Language } from '../errors'

/**
 * Readiness speaks in keys with parameters, so the CLI and the renderer say
 * the same thing in the user's language. Parameters are names and dates from
 * the vault: they are shown to the user, never logged.
 */
export interface Message {
  key: MessageKey
  params?: Record<string, string | number>
}

const en = {
  'readiness.item.digital_security': 'Digital security consultation and protected channels',
  'readiness.item.safe_channel': 'A safe communication channel for all participants',
  'readiness.item.lawyer': 'A lawyer on contract, briefed, number on speed dial',
  'readiness.item.human_rights_orgs': 'Human-rights organisations contacted',
  'readiness.item.passports_visas': 'Valid passports and visas for the women and their children',
  'readiness.item.psychological_support': 'Psychological support available 24/7',
  'readiness.item.allies_briefed': 'Allies briefed, with the press contact person',
  'readiness.item.journalists_briefed': 'Friendly journalists briefed before the start',
  'readiness.item.custom': '{title}',

  'readiness.manual.notDone': 'Not marked as done yet.',
  'readiness.contact.none.lawyer': 'No contact with the role "lawyer".',
  'readiness.contact.none.human_rights_org': 'No contact with the role "human-rights organisation".',
  'readiness.contact.none.psychologist': 'No contact with the role "psychologist".',
  'readiness.contact.none.ally': 'No contact with the role "ally".',
  'readiness.contact.none.journalist': 'No contact with the role "journalist".',
  'readiness.contact.noPhone': '{contact} has no phone number.',
  'readiness.contact.unreachable': '{contact} has neither a phone number nor a secure channel.',
  'readiness.contact.notBriefed': '{contact} is not marked as briefed for this campaign.',
  'readiness.contact.notAroundTheClock': '{contact} is not marked as available 24/7.',
  'readiness.contact.notOnSpeedDial': '{contact} is not on speed dial.',
  'readiness.pressContact.missing': 'The campaign has no press contact person named.',

  'readiness.travel.noEndDate': 'The campaign has no end date, so document validity cannot be checked.',
  'readiness.travel.noParticipants': 'The campaign has no participants yet.',
  'readiness.passport.missing': '{person} has no passport in the vault.',
  'readiness.passport.noExpiry': 'The passport of {person} ({country}) has no expiry date recorded.',
  'readiness.passport.expiresBeforeMargin':
    'The passport of {person} ({country}) expires on {until}; it must be valid until at least {required}.',
  'readiness.visa.noExpiry': 'The {country} visa of {person} has no expiry date recorded.',
  'readiness.visa.expiresBeforeMargin':
    'The {country} visa of {person} expires on {until}; it must be valid until at least {required}.',
  'readiness.visa.notYetValid': 'The {country} visa of {person} only becomes valid on {from}, after the campaign starts.',

  'readiness.warning.startSoon':
    'The campaign starts in {days} days and {count} items are not ready.',
  'readiness.warning.startsToday': 'The campaign starts today and {count} items are not ready.',
} as const

export type MessageKey = keyof typeof en

const ru: Record<MessageKey, string> = {
  'readiness.item.digital_security': 'Консультация по цифровой безопасности и защищённые каналы',
  'readiness.item.safe_channel': 'Безопасный канал связи для всех участниц',
  'readiness.item.lawyer': 'Договор с адвокатом, адвокат в курсе, номер на быстром наборе',
  'readiness.item.human_rights_orgs': 'Связь с правозащитными организациями',
  'readiness.item.passports_visas': 'Действующие загранпаспорта и визы для женщин и их детей',
  'readiness.item.psychological_support': 'Психологическая поддержка 24/7',
  'readiness.item.allies_briefed': 'Союзники в курсе и знают контактное лицо для прессы',
  'readiness.item.journalists_briefed': 'Дружественные журналисты в курсе до начала кампании',
  'readiness.item.custom': '{title}',

  'readiness.manual.notDone': 'Пока не отмечено как выполненное.',
  'readiness.contact.none.lawyer': 'Нет контакта с ролью «адвокат».',
  'readiness.contact.none.human_rights_org': 'Нет контакта с ролью «правозащитная организация».',
  'readiness.contact.none.psychologist': 'Нет контакта с ролью «психолог».',
  'readiness.contact.none.ally': 'Нет контакта с ролью «союзник».',
  'readiness.contact.none.journalist': 'Нет контакта с ролью «журналист».',
  'readiness.contact.noPhone': '{contact}: нет номера телефона.',
  'readiness.contact.unreachable': '{contact}: нет ни телефона, ни защищённого канала.',
  'readiness.contact.notBriefed': '{contact}: не отмечено, что контакт проинформирован об этой кампании.',
  'readiness.contact.notAroundTheClock': '{contact}: не отмечено, что помощь доступна 24/7.',
  'readiness.contact.notOnSpeedDial': '{contact}: номер не на быстром наборе.',
  'readiness.pressContact.missing': 'У кампании не указано контактное лицо для прессы.',

  'readiness.travel.noEndDate': 'У кампании нет даты окончания, поэтому срок действия документов проверить нельзя.',
  'readiness.travel.noParticipants': 'В кампании пока нет участниц.',
  'readiness.passport.missing': '{person}: в хранилище нет загранпаспорта.',
  'readiness.passport.noExpiry': '{person}: у паспорта ({country}) не указан срок действия.',
  'readiness.passport.expiresBeforeMargin':
    '{person}: паспорт ({country}) действует до {until}; нужно, чтобы он действовал как минимум до {required}.',
  'readiness.visa.noExpiry': '{person}: у визы ({country}) не указан срок действия.',
  'readiness.visa.expiresBeforeMargin':
    '{person}: виза ({country}) действует до {until}; нужно, чтобы она действовала как минимум до {required}.',
  'readiness.visa.notYetValid': '{person}: виза ({country}) начинает действовать только {from}, после начала кампании.',

  'readiness.warning.startSoon': 'До начала кампании осталось дней: {days}; не готово пунктов: {count}.',
  'readiness.warning.startsToday': 'Кампания начинается сегодня; не готово пунктов: {count}.',
}

export const readinessMessages: Record<Language, Record<MessageKey, string>> = { en, ru }

export interface FormatOptions {
  /** Renders a YYYY-MM-DD parameter in the user's locale; ISO when absent. */
  formatDate?: (date: string) => string
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/

export function formatMessage(message: Message, language: Language, options: FormatOptions = {}): string {
  const template = readinessMessages[language][message.key]
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string, offset: number) => {
    const value = message.params?.[name]
    if (value === undefined) return whole
    const raw = String(value)
    const text = options.formatDate && isoDate.test(raw) ? options.formatDate(raw) : raw
    // Russian dates end in "г."; the sentence's own full stop must not double it.
    return text.endsWith('.') && template[offset + whole.length] === '.' ? text.slice(0, -1) : text
  })
}
