import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';
import { localeFor, translate } from './i18n';

describe('i18n catalogues', () => {
  it('koreanCatalogueHasExactlyTheEnglishKeys', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });

  it('noMessageIsEmpty', () => {
    for (const catalogue of [en, ko]) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('choosesKoreanForKoreanBrowsersAndEnglishOtherwise', () => {
    expect(localeFor('ko-KR')).toBe('ko');
    expect(localeFor('ko')).toBe('ko');
    expect(localeFor('en-US')).toBe('en');
    expect(localeFor('fr-FR')).toBe('en');
    expect(localeFor(undefined)).toBe('en');
  });

  it('translatesFromTheChosenCatalogue', () => {
    expect(translate('ko', 'home.apiDocs')).toBe(ko['home.apiDocs']);
    expect(translate('en', 'home.apiDocs')).toBe(en['home.apiDocs']);
  });
});
