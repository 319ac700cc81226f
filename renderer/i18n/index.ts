import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../shared/errors'
import { en } from './en'
import { ru } from './ru'

export const languages: readonly Language[] = ['en', 'ru']

// The only thing the renderer ever stores: which language to show before unlock.
const storageKey = 'sestra.language'

const isLanguage = (value: unknown): value is Language => languages.includes(value as Language)

function initialLanguage(): Language {
  const stored = localStorage.getItem(storageKey)
  if (isLanguage(stored)) return stored
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en'
}

export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language)
  document.documentElement.lang = language
  await i18n.changeLanguage(language)
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

export async function initI18n(): Promise<void> {
  const lng = initialLanguage()
  document.documentElement.lang = lng
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &amp; to the user.
    interpolation: { escapeValue: false },
  })
}
