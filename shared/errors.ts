/**
 * Every failure the user can meet has a stable code and a plain sentence in
 * each UI language. Messages never include secrets, paths to content or stack
 * traces: they are shown to the user and may be read over their shoulder.
 */
export const errorCodes = [
  'WRONG_PASSPHRASE',
  'NOT_A_VAULT',
  'CORRUPT_HEADER',
  'CORRUPT_DATABASE',
  'NEWER_VERSION',
  'LOCKED',
  'ALREADY_EXISTS',
  'NO_VAULT',
  'READ_ONLY',
  'DISK_FULL',
  'INVALID_INPUT',
  'REFUSED_SENDER',
  'NOT_FOUND',
  'ABORTED',
  'INTERNAL',
  'FILE_EXISTS',
  'BUNDLE_NOT_AGE',
  'BUNDLE_NOT_FOR_YOU',
  'BUNDLE_WRONG_PASSPHRASE',
  'BUNDLE_DAMAGED',
  'BUNDLE_INVALID',
  'BUNDLE_UNSAFE_PATH',
  'BUNDLE_NEWER_VERSION',
  'BUNDLE_OVERSIZED',
  'BUNDLE_CONFLICT',
  'PASSPHRASE_TOO_SHORT',
  'PASSPHRASE_TOO_COMMON',
  'PASSPHRASE_TOO_WEAK',
  'WIPE_INCOMPLETE',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export type Language = 'en' | 'ru'

export const errorMessages: Record<ErrorCode, Record<Language, string>> = {
  WRONG_PASSPHRASE: {
    en: 'The passphrase is not correct.',
    ru: 'Неверная парольная фраза.',
  },
  NOT_A_VAULT: {
    en: 'This folder does not contain a Sestra vault.',
    ru: 'В этой папке нет хранилища Sestra.',
  },
  CORRUPT_HEADER: {
    en: 'The vault key file is damaged. The data cannot be opened; restore from a backup.',
    ru: 'Файл ключей хранилища повреждён. Данные открыть нельзя; восстановите их из резервной копии.',
  },
  CORRUPT_DATABASE: {
    en: 'The vault database is damaged or does not belong to this key file.',
    ru: 'База данных хранилища повреждена или не соответствует файлу ключей.',
  },
  NEWER_VERSION: {
    en: 'This vault was made by a newer version of Sestra. Update Sestra to open it.',
    ru: 'Это хранилище создано более новой версией Sestra. Обновите Sestra, чтобы открыть его.',
  },
  LOCKED: {
    en: 'The vault is locked. Unlock it first.',
    ru: 'Хранилище заблокировано. Сначала разблокируйте его.',
  },
  ALREADY_EXISTS: {
    en: 'A vault already exists here. Nothing was changed.',
    ru: 'Здесь уже есть хранилище. Ничего не изменено.',
  },
  NO_VAULT: {
    en: 'There is no vault yet. Create one first.',
    ru: 'Хранилища ещё нет. Сначала создайте его.',
  },
  READ_ONLY: {
    en: 'The vault folder cannot be written to. Check its permissions.',
    ru: 'В папку хранилища нельзя записывать. Проверьте права доступа.',
  },
  DISK_FULL: {
    en: 'The disk is full. Nothing was changed; free some space and try again.',
    ru: 'Диск заполнен. Ничего не изменено; освободите место и попробуйте снова.',
  },
  INVALID_INPUT: {
    en: 'Some of the entered data is not valid.',
    ru: 'Некоторые введённые данные неверны.',
  },
  REFUSED_SENDER: {
    en: 'This request did not come from the Sestra window and was refused.',
    ru: 'Этот запрос пришёл не из окна Sestra и был отклонён.',
  },
  NOT_FOUND: {
    en: 'The record was not found.',
    ru: 'Запись не найдена.',
  },
  ABORTED: {
    en: 'The job was stopped. Nothing of it was kept.',
    ru: 'Операция остановлена. Ничего из её результатов не сохранено.',
  },
  INTERNAL: {
    en: 'Something went wrong. Your data was not changed.',
    ru: 'Что-то пошло не так. Ваши данные не изменены.',
  },
  FILE_EXISTS: {
    en: 'A file with this name already exists. Nothing was written; choose another name.',
    ru: 'Файл с таким именем уже существует. Ничего не записано; выберите другое имя.',
  },
  BUNDLE_NOT_AGE: {
    en: 'This file is not an encrypted Sestra bundle (.age). Nothing was changed.',
    ru: 'Этот файл не является зашифрованным пакетом Sestra (.age). Ничего не изменено.',
  },
  BUNDLE_NOT_FOR_YOU: {
    en: 'This bundle was encrypted for someone else: this vault\'s key cannot open it. Nothing was changed.',
    ru: 'Этот пакет зашифрован для другого получателя: ключ этого хранилища его не открывает. Ничего не изменено.',
  },
  BUNDLE_WRONG_PASSPHRASE: {
    en: 'The bundle\'s passphrase is not correct. Nothing was changed.',
    ru: 'Неверная парольная фраза пакета. Ничего не изменено.',
  },
  BUNDLE_DAMAGED: {
    en: 'The bundle is damaged: it is cut short or was changed after it was made. Nothing was changed.',
    ru: 'Пакет повреждён: он обрезан или изменён после создания. Ничего не изменено.',
  },
  BUNDLE_INVALID: {
    en: 'The bundle\'s contents do not match its list of contents. Nothing was changed.',
    ru: 'Содержимое пакета не совпадает с его описью. Ничего не изменено.',
  },
  BUNDLE_UNSAFE_PATH: {
    en: 'The bundle contains a file name that points outside the bundle. Nothing was changed.',
    ru: 'В пакете есть имя файла, указывающее за его пределы. Ничего не изменено.',
  },
  BUNDLE_NEWER_VERSION: {
    en: 'This bundle was made by a newer version of Sestra. Update Sestra to open it. Nothing was changed.',
    ru: 'Этот пакет создан более новой версией Sestra. Обновите Sestra, чтобы открыть его. Ничего не изменено.',
  },
  BUNDLE_OVERSIZED: {
    en: 'The bundle holds more data than its list of contents declares. Nothing was changed.',
    ru: 'В пакете больше данных, чем указано в его описи. Ничего не изменено.',
  },
  BUNDLE_CONFLICT: {
    en: 'The bundle holds evidence this vault already has, with other bytes or another custody log. Evidence is never merged or replaced. Nothing was changed.',
    ru: 'В пакете есть доказательства, которые уже есть в этом хранилище, но с другими байтами или другим журналом хранения. Доказательства никогда не объединяются и не заменяются. Ничего не изменено.',
  },
  PASSPHRASE_TOO_SHORT: {
    en: 'This passphrase is too short. Use at least 8 characters; several random words are best. Nothing was changed.',
    ru: 'Парольная фраза слишком короткая. Нужно не меньше 8 символов; лучше всего несколько случайных слов. Ничего не изменено.',
  },
  PASSPHRASE_TOO_COMMON: {
    en: 'This passphrase is one of the first anyone would try. Choose several random words instead. Nothing was changed.',
    ru: 'Эту парольную фразу попробуют одной из первых. Выберите вместо неё несколько случайных слов. Ничего не изменено.',
  },
  PASSPHRASE_TOO_WEAK: {
    en: 'This passphrase is too easy to guess. Add more words (six random words are a good choice). Nothing was changed.',
    ru: 'Эту парольную фразу слишком легко подобрать. Добавьте слова (шесть случайных слов — хороший выбор). Ничего не изменено.',
  },
  WIPE_INCOMPLETE: {
    en: 'THE WIPE DID NOT FINISH: part of the vault is still on this disk. Delete the vault folder by other means, or destroy the disk.',
    ru: 'УНИЧТОЖЕНИЕ НЕ ЗАВЕРШЕНО: часть хранилища всё ещё на диске. Удалите папку хранилища другим способом или уничтожьте диск.',
  },
}

export function errorMessage(code: ErrorCode, language: Language = 'en'): string {
  return errorMessages[code][language]
}

/** The only error type that crosses from the core to the user. */
export class SestraError extends Error {
  readonly code: ErrorCode
  /** Which field or check failed: never a secret, never record content. */
  readonly detail: string | undefined
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${errorMessage(code)} (${detail})` : errorMessage(code))
    this.name = 'SestraError'
    this.code = code
    this.detail = detail
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}
