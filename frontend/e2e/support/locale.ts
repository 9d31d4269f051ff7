import type { BrowserContext, Page } from '@playwright/test';

/** The app's languages; Korean is its default. */
export const LOCALES = ['ko', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

/** Where the app remembers the language a person chose (src/i18n reads and writes it). */
export const LOCALE_KEY = 'hitter.locale';

/**
 * Starts every page of `target` (a page or a whole context, so that a second tab gets it too) in `locale` — unless
 * the app has already stored a choice, so that a language picked in the app survives a reload as it would for a
 * person. Takes effect at the next navigation.
 */
export async function useLocale(target: Page | BrowserContext, locale: AppLocale): Promise<void> {
  await target.addInitScript(
    ([key, value]) => {
      try {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
      } catch {
        // about:blank and opaque origins have no storage; the app's own pages do.
      }
    },
    [LOCALE_KEY, locale] as const,
  );
}

/**
 * Switches the current page to `locale` the way a returning visitor would arrive in it: the stored choice changes
 * and the page reloads. Waits until the document says it is in that language (`<html lang>`).
 */
export async function switchLocaleByReload(page: Page, locale: AppLocale): Promise<void> {
  await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [LOCALE_KEY, locale] as const);
  await page.reload({ waitUntil: 'load' });
  await page.locator(`html[lang^="${locale}"]`).waitFor({ state: 'attached' });
}

/**
 * Switches the current page to `locale` through the app's own language switch (the header's "Language"/"언어"
 * select), without a reload: what is only in the page's memory (the browser's copy of a file just analysed, the
 * access token) stays. Falls back to {@link switchLocaleByReload} where the page shows no switch.
 */
export async function switchLocale(page: Page, locale: AppLocale): Promise<void> {
  const languageSwitch = page.getByRole('combobox', { name: /^(language|언어)$/i });
  if (!(await languageSwitch.isVisible())) {
    await switchLocaleByReload(page, locale);
    return;
  }
  await languageSwitch.selectOption(locale);
  await page.locator(`html[lang^="${locale}"]`).waitFor({ state: 'attached' });
}

/** The language the page is showing now, from `<html lang>`. */
export async function currentLocale(page: Page): Promise<AppLocale | undefined> {
  const lang = (await page.locator('html').getAttribute('lang')) ?? '';
  return LOCALES.find((locale) => lang.startsWith(locale));
}
