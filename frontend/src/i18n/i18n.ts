import { useMemo } from 'react';
import en from './en.json';
import ko from './ko.json';

/** English is the reference catalogue: every other catalogue has exactly its keys. */
export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
export type Locale = 'en' | 'ko';

export const catalogues: Record<Locale, Catalogue> = { en, ko };

/** Picks the catalogue for a browser language tag such as "ko-KR"; anything unknown gets English. */
export function localeFor(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function translate(locale: Locale, key: MessageKey): string {
  return catalogues[locale][key] ?? en[key];
}

/** The user's locale and a `t()` for it, chosen from `navigator.language`. */
export function useI18n(): { locale: Locale; t: (key: MessageKey) => string } {
  const locale = localeFor(typeof navigator === 'undefined' ? undefined : navigator.language);
  return useMemo(() => ({ locale, t: (key: MessageKey) => translate(locale, key) }), [locale]);
}
