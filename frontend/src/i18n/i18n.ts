import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';
/** Where the person's choice of language is remembered between visits. */
export const LOCALE_STORAGE_KEY = 'hitter.locale';

type Catalogue = Record<string, unknown>;

// Every locales/<lng>/<namespace>.json is bundled, so a namespace file another feature adds is picked up
// without touching this module; loading eagerly keeps the first paint free of a "translations missing" flash.
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

/** { ko: { common: {...}, analysis: {...} }, en: {...} } from the files above. */
export function catalogues(): Record<Locale, Record<string, Catalogue>> {
  const resources: Record<string, Record<string, Catalogue>> = {};
  for (const [path, catalogue] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    (resources[lng] ??= {})[ns] = catalogue;
  }
  return resources as Record<Locale, Record<string, Catalogue>>;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The remembered choice, else Korean: HITTER's audience is Korean first, whatever the browser says. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be switched off; the default then holds for this visit.
  }
  return DEFAULT_LOCALE;
}

/** Screen readers and hyphenation follow <html lang>, so it must match the catalogue in use. */
function applyToDocument(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

export function createI18n(lng: Locale = initialLocale()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', applyToDocument);
  void instance.use(initReactI18next).init({
    resources: catalogues(),
    lng,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: Object.keys(catalogues()[DEFAULT_LOCALE] ?? { common: {} }),
    defaultNS: 'common',
    fallbackNS: 'common',
    interpolation: { escapeValue: false }, // React escapes; i18next escaping would show &lt; to the person.
    initAsync: false,
    returnNull: false,
  });
  applyToDocument(lng);
  return instance;
}

/** The app's one instance. */
export const i18n = createI18n();

/** Switches language now and remembers it for the next visit. */
export function setLocale(lng: Locale, instance: I18n = i18n): Promise<unknown> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, lng);
  } catch {
    // Not remembered, but switched.
  }
  return instance.changeLanguage(lng);
}
