import { alliesText } from './allies'
import { campaignsText } from './campaigns'
import { evidenceText } from './evidence'
import type { Messages } from './en'
import { peopleText } from './people'
import { seizureText } from './seizure'

export const ru: Messages = {
  app: {
    name: 'Sestra',
    opening: 'Открываем хранилище…',
  },
  language: {
    label: 'Язык',
    en: 'English',
    ru: 'Русский',
  },
  create: {
    title: 'Создайте хранилище',
    intro: 'Всё, что вы храните в Sestra, зашифровано парольной фразой, которую знаете только вы.',
    passphrase: 'Парольная фраза',
    repeat: 'Повторите парольную фразу',
    warning:
      'Если вы забудете эту парольную фразу, данные пропадут навсегда. Никто не сможет её восстановить или сбросить: ни мы, ни горячая линия, ни полиция.',
    advice: 'Возьмите четыре или больше обычных слов, которые вы запомните, а другие не угадают.',
    submit: 'Создать хранилище',
    working: 'Создаём хранилище…',
  },
  unlock: {
    title: 'Разблокируйте хранилище',
    passphrase: 'Парольная фраза',
    submit: 'Разблокировать',
    working: 'Разблокируем…',
  },
  strength: {
    label: 'Надёжность парольной фразы',
    score: {
      tooWeak: 'Слишком слабая',
      weak: 'Слабая',
      fair: 'Средняя',
      good: 'Хорошая',
      strong: 'Надёжная',
    },
    tooShort: 'Нужно не меньше 8 символов; лучше несколько слов.',
    common: 'Это один из первых паролей, которые попробует любой.',
    repetitive: 'Повторы и последовательности вроде 1234 легко угадать.',
    addWords: 'Добавьте ещё одно-два слова, чтобы её было труднее угадать.',
    strong: 'Надёжная парольная фраза. Убедитесь, что вы её запомните.',
  },
  validation: {
    mismatch: 'Парольные фразы не совпадают.',
    tooShort: 'В парольной фразе должно быть не меньше 8 символов.',
    nameRequired: 'Введите имя.',
    phoneInvalid:
      'Один из номеров нельзя набрать: используйте цифры, пробелы, скобки, дефисы и, если нужно, + в начале.',
  },
  frame: {
    navigation: 'Разделы',
    lock: 'Заблокировать',
    speedDial: 'Быстрый набор',
    speedDialEmpty: 'Отметьте контакт для быстрого набора, и он появится здесь.',
  },
  nav: {
    campaigns: 'Кампании',
    people: 'Люди и документы',
    contacts: 'Контакты',
    evidence: 'Доказательства',
    allies: 'Союзники',
    settings: 'Настройки',
  },
  contacts: {
    title: 'Контакты',
    search: 'Поиск по имени или организации',
    new: 'Новый контакт',
    empty: 'Контактов пока нет.',
    noMatch: 'Ни один контакт не подходит под поиск.',
    total: 'Контактов в хранилище: {{total}}',
    noPhone: 'нет телефона',
  },
  editor: {
    newTitle: 'Новый контакт',
    editTitle: 'Изменить контакт',
    name: 'Имя',
    organisation: 'Организация',
    roles: 'Роли',
    phones: 'Номера телефонов',
    phonesHint: 'Несколько номеров разделяйте запятыми или переносом строки.',
    notes: 'Заметки',
    speedDial: 'Показывать в быстром наборе',
    updatedAt: 'Последнее изменение: {{date}}',
    save: 'Сохранить',
    saving: 'Сохраняем…',
    cancel: 'Отмена',
    delete: 'Удалить',
    confirmDelete: 'Удалить этот контакт навсегда?',
    confirmYes: 'Да, удалить',
  },
  roles: {
    lawyer: 'Адвокат',
    human_rights_org: 'Правозащитная организация',
    psychologist: 'Психолог',
    ally: 'Союзник',
    journalist: 'Журналист',
    family: 'Семья',
    other: 'Другое',
  },
  settings: {
    title: 'Настройки',
    changePassphrase: 'Смена парольной фразы',
    current: 'Текущая парольная фраза',
    next: 'Новая парольная фраза',
    repeat: 'Повторите новую парольную фразу',
    submit: 'Сменить парольную фразу',
    working: 'Меняем…',
    done: 'Парольная фраза изменена. Теперь используйте новую.',
  },
  allies: alliesText.ru,
  campaigns: campaignsText.ru,
  evidence: evidenceText.ru,
  people: peopleText.ru,
  seizure: seizureText.ru,
}
