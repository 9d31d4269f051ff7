import { afterEach, describe, expect, it } from 'vitest';
import { catalogues, createI18n, DEFAULT_LOCALE, initialLocale, LOCALE_STORAGE_KEY, LOCALES, setLocale } from './i18n';
import { formatFor } from './useFormat';

/** Every leaf key of a nested catalogue, as "a.b.c". */
function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key));
}

function leaves(node: unknown): [string, unknown][] {
  if (typeof node !== 'object' || node === null) return [['', node]];
  return Object.entries(node).flatMap(([key, value]) => leaves(value).map(([k, v]) => [k ? `${key}.${k}` : key, v] as [string, unknown]));
}

// i18next plural forms: English has _one and _other, Korean only _other (CLDR), so compare keys without them.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (node: unknown) => [...new Set(leafKeys(node).map((key) => key.replace(PLURAL, '')))].sort();

/** base key → the placeholders used in any of its plural forms. */
function placeholders(node: unknown): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  for (const [key, text] of leaves(node)) {
    const base = key.replace(PLURAL, '');
    const names = found.get(base) ?? new Set<string>();
    for (const match of String(text).matchAll(/\{\{\s*(\w+)/g)) names.add(match[1] ?? '');
    found.set(base, names);
  }
  return new Map([...found].map(([key, names]) => [key, [...names].sort()]));
}

describe('i18n catalogues', () => {
  afterEach(() => localStorage.clear());

  it('koreanAndEnglishHaveTheSameNamespaces', () => {
    const all = catalogues();
    expect(Object.keys(all.ko).sort()).toEqual(Object.keys(all.en).sort());
    expect(Object.keys(all.en)).toContain('common');
  });

  it('koreanAndEnglishHaveTheSameKeysInEveryNamespace', () => {
    const all = catalogues();
    for (const ns of Object.keys(all.en)) {
      expect(baseKeys(all.ko[ns]), `namespace ${ns}`).toEqual(baseKeys(all.en[ns]));
    }
  });

  it('noMessageIsEmptyOrNotText', () => {
    const all = catalogues();
    for (const lng of LOCALES) {
      for (const [ns, catalogue] of Object.entries(all[lng])) {
        for (const [key, text] of leaves(catalogue)) {
          expect(typeof text, `${lng}/${ns}:${key}`).toBe('string');
          expect((text as string).trim(), `${lng}/${ns}:${key}`).not.toBe('');
        }
      }
    }
  });

  it('placeholdersMatchBetweenLanguages', () => {
    const all = catalogues();
    for (const ns of Object.keys(all.en)) {
      const ko = placeholders(all.ko[ns]);
      for (const [key, names] of placeholders(all.en[ns])) {
        expect(ko.get(key), `${ns}:${key}`).toEqual(names);
      }
    }
  });

  it('startsInKoreanWhenNothingWasChosen', () => {
    expect(initialLocale()).toBe('ko');
    expect(DEFAULT_LOCALE).toBe('ko');
    const i18n = createI18n();
    expect(i18n.t('nav.login')).toBe('로그인');
    expect(document.documentElement.lang).toBe('ko');
  });

  it('remembersTheChoiceAndKeepsHtmlLangInStep', async () => {
    const i18n = createI18n('ko');
    await setLocale('en', i18n);
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.login')).toBe('Log in');
    expect(initialLocale()).toBe('en');
  });

  it('ignoresAStoredValueThatIsNoLanguageOfOurs', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'xx');
    expect(initialLocale()).toBe('ko');
  });
});

describe('formatFor', () => {
  it('formatsPercentAndNumbersPerLanguage', () => {
    expect(formatFor('en').percent(0.734)).toBe('73%');
    expect(formatFor('ko').percent(0.734)).toBe('73%');
    expect(formatFor('en').number(1234.5, 1)).toBe('1,234.5');
  });

  it('writesDatesInTheChosenLanguage', () => {
    const iso = '2026-11-27T12:00:00Z';
    expect(formatFor('ko').date(iso)).toContain('2026');
    expect(formatFor('ko').date(iso)).toMatch(/11월/);
    expect(formatFor('en').date(iso)).toMatch(/Nov/);
  });
});
