import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { kk } from './locales/kk';
import { ky } from './locales/ky';
import { ru } from './locales/ru';
import { tg } from './locales/tg';
import { initialLanguage, Language, STORAGE_KEY } from './languages';

declare global {
  interface Window {
    /** Keys asked for but missing in the current language: the translation test reads it. */
    __missingTranslations?: string[];
  }
}

export function startI18n(): typeof i18next {
  const lng = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  window.__missingTranslations = [];
  void i18next.use(initReactI18next).init({
    lng,
    // No fallback language: a missing key shows as the key and is collected, never as English.
    fallbackLng: false,
    resources: {
      en: { translation: en },
      ru: { translation: ru },
      kk: { translation: kk },
      ky: { translation: ky },
      tg: { translation: tg },
    },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (languages, _namespace, key) => {
      window.__missingTranslations?.push(`${languages.join(',')}:${key}`);
    },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

export function chooseLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}
