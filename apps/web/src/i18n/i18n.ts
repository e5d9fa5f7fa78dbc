import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/en';
import { initialLanguage, Language, STORAGE_KEY } from './languages';

declare global {
  interface Window {
    /** Keys asked for but missing in the current language: the translation test reads it. */
    __missingTranslations?: string[];
  }
}

/**
 * Each language's strings in a chunk of its own: a page loads only the language it shows
 * (the sign-in and new-case routes have a JavaScript budget, bench/web), and another one
 * only when the person switches to it.
 */
const MESSAGES: Record<Language, () => Promise<Messages>> = {
  en: () => import('./locales/en').then((m) => m.en),
  ru: () => import('./locales/ru').then((m) => m.ru),
  kk: () => import('./locales/kk').then((m) => m.kk),
  ky: () => import('./locales/ky').then((m) => m.ky),
  tg: () => import('./locales/tg').then((m) => m.tg),
};

async function loadMessages(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  i18next.addResourceBundle(language, 'translation', await MESSAGES[language]());
}

/** Starts i18next in the language to show, once its strings have arrived. */
export async function startI18n(): Promise<typeof i18next> {
  const lng = initialLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? []);
  window.__missingTranslations = [];
  await i18next.use(initReactI18next).init({
    lng,
    // No fallback language: a missing key shows as the key and is collected, never as English.
    fallbackLng: false,
    resources: { [lng]: { translation: await MESSAGES[lng]() } },
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

/** Shows the interface in `language` once its strings have loaded (for this page only). */
export async function showLanguage(language: Language): Promise<void> {
  await loadMessages(language);
  await i18next.changeLanguage(language);
}

/** Switches the interface, and remembers the choice for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  await showLanguage(language);
}
