import { join } from 'node:path';
import { type Page, test } from '@playwright/test';
import { type AppLocale, LOCALES, currentLocale, switchLocale as switchInApp } from './locale';
import { SCREENSHOTS_DIR } from './paths';
import { DESKTOP, PHONE } from './sizes';

type Options = {
  /**
   * How to put the page into a language. By default the app's own language switch (no reload, so what lives only in
   * the page's memory stays), or a reload with the stored choice changed where the page shows no switch.
   */
  switchLocale?: (page: Page, locale: AppLocale) => Promise<void>;
  /** The whole scrollable page (default) or only the viewport. */
  fullPage?: boolean;
};

/**
 * Saves the current screen in Korean and in English, at desktop and at phone width, as
 * `frontend/target/screenshots/<locale>-<width>-<screen>.png` (e.g. `ko-390-result.png`), attaches them to the
 * test's report, and leaves the page in the language and size it had. In the `phone` project only the phone width
 * is shot (the desktop journey shoots both). `screen` names the screen in kebab case: `home`, `analyse`, `result`.
 */
export async function screenshotEveryLocale(page: Page, screen: string, options: Options = {}): Promise<string[]> {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(screen)) throw new Error(`screen name "${screen}" must be kebab case`);
  const switchLocale = options.switchLocale ?? switchInApp;
  const info = test.info();
  const startSize = page.viewportSize() ?? DESKTOP;
  const sizes = info.project.name === 'phone' ? [startSize] : [DESKTOP, PHONE];
  const startLocale = (await currentLocale(page)) ?? 'ko';
  // The language on screen first: one switch fewer.
  const locales = [startLocale, ...LOCALES.filter((locale) => locale !== startLocale)];

  const saved: string[] = [];
  for (const locale of locales) {
    // At the starting size: at phone width the switch may sit in a folded menu.
    await page.setViewportSize(startSize);
    if (locale !== (await currentLocale(page))) await switchLocale(page, locale);
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settled(page);
      const file = join(SCREENSHOTS_DIR, `${locale}-${size.width}-${screen}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide' });
      await info.attach(`${locale}-${size.width}-${screen}`, { path: file, contentType: 'image/png' });
      saved.push(file);
    }
  }
  await page.setViewportSize(startSize);
  if (startLocale !== (await currentLocale(page))) await switchLocale(page, startLocale);
  await settled(page);
  return saved;
}

/** After a resize or a language change: fonts loaded and two frames drawn, so the picture shows the new layout. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}
