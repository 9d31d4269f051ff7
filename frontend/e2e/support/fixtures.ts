/**
 * What every browser spec starts from: `import { test, expect } from './support/fixtures';`.
 *
 * - `test` is Playwright's, with the app's language pinned (option `appLocale`, English unless a test says
 *   otherwise) and with two checks around every test: a Content-Security-Policy violation or an uncaught
 *   exception in the page fails it (option `failOnPageErrors`).
 * - Fixtures: `member` (a fresh account made through the API, not yet logged in), `media` (the real MP3 and WAV).
 * - Helpers re-exported from here: `signUp` (verified through the local run's mail), `signUpUnverified`, `logIn`,
 *   `signUpAndLogIn`, the mail viewer's `awaitLink`, `mailsTo`, `verifyThroughMail`, `useLocale`, `switchLocale` (the app's
 *   language switch), `switchLocaleByReload`, `currentLocale`, `screenshotEveryLocale`,
 *   `expectNoSeriousA11yViolations`.
 */
import { test as base, expect } from '@playwright/test';
import { type AppLocale, useLocale } from './locale';
import { type Media, mediaFromEnvironment } from './media';
import { type Member, signUp } from './members';

export { expect };
export { expectNoSeriousA11yViolations } from './a11y';
export { LOCALES, LOCALE_KEY, type AppLocale, currentLocale, switchLocale, switchLocaleByReload, useLocale } from './locale';
export { type Media } from './media';
export { logIn, signUp, signUpAndLogIn, signUpUnverified, uniqueEmail, type Member } from './members';
export { awaitLink, MAIL_URL, mailsTo, verifyThroughMail, type LinkPage, type Mail } from './mail';
export { screenshotEveryLocale } from './screenshots';
export { DESKTOP, PHONE } from './sizes';

type Options = {
  /** The app's language before the first page loads; `null` leaves the app to choose (Korean by default). */
  appLocale: AppLocale | null;
  /** Fail the test on a CSP violation or an uncaught exception in the page (both are defects a person would hit). */
  failOnPageErrors: boolean;
};

type Fixtures = {
  /** A member signed up through the API just for this test (unique email, verified); log in with `logIn(page, member)`. */
  member: Member;
  /** Real audio files made by the gateway's BrowserEndToEndIT (env HITTER_E2E_MP3, HITTER_E2E_WAV). */
  media: Media;
};

export const test = base.extend<Options & Fixtures>({
  appLocale: ['en', { option: true }],
  failOnPageErrors: [true, { option: true }],

  page: async ({ page, appLocale, failOnPageErrors }, use) => {
    if (appLocale) await useLocale(page, appLocale);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`uncaught in the page: ${error.message}`));
    page.on('console', (message) => {
      // Chromium reports a refused inline style, script or connection as a console error naming the policy.
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        problems.push(`CSP violation: ${message.text()}`);
      }
    });
    await use(page);
    if (failOnPageErrors) {
      expect(problems, 'the page broke a Content-Security-Policy rule or threw').toEqual([]);
    }
  },

  member: async ({ request }, use, testInfo) => {
    await use(await signUp(request, testInfo.title));
  },

  media: async ({}, use) => {
    await use(mediaFromEnvironment());
  },
});
