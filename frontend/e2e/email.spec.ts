import {
  awaitLink,
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  MAIL_URL,
  screenshotEveryLocale,
  signUpUnverified,
  test,
  uniqueEmail,
} from './support/fixtures';
import type { Page } from '@playwright/test';

// E-mail that proves ownership, through the real mail: the local run's SMTP server keeps every message, and its mail
// viewer (a page of ./hitter run, never of a production run) is where a person — and these tests — read them.

const banner = (page: Page) => page.getByTestId('unverified-banner');

test('a new member verifies their address from the mail viewer and the banner goes', async ({ page }) => {
  const email = uniqueEmail('verify');
  const password = 'Bridge-and-hook-42';
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Display name').fill('메일 확인');
  await page.getByLabel('I am').selectOption('artist');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'signup-check-mail', {
    // A reload would lose the answer: switch with the app's own language select instead.
    switchLocale: async (target, locale) => {
      await target.getByRole('combobox', { name: /language|언어/i }).selectOption(locale);
      await target.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
    },
  });

  // Unverified members may sign in and analyse; the banner says what waits for the link.
  await logIn(page, { email, password, displayName: '메일 확인' });
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText(email);
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'unverified-banner', { fullPage: false });

  // The mail, read where a developer reads it; its link opens the web app on this origin, still signed in.
  await page.goto(`${MAIL_URL}/`);
  await page.locator('li', { hasText: email }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verify your e-mail address');
  await page.getByRole('link', { name: /\/verify-email\?token=/ }).click();

  await expect(page).toHaveURL(/\/verify-email\?token=/);
  await expect(page.getByRole('status').filter({ hasText: 'Your e-mail address is verified' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'verify-email-done', {
    switchLocale: async (target, locale) => {
      await target.getByRole('combobox', { name: /language|언어/i }).selectOption(locale);
      await target.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
    },
  });

  // The same link again: refused, without saying more than that it does not work.
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('This link does not work');
  await page.goto('/');
  await expect(banner(page)).toHaveCount(0);
});

test('an unverified member is told why publishing and posting wait, and can have the link sent again', async ({ page, request }) => {
  const member = await signUpUnverified(request, 'unverified');
  await logIn(page, member);
  await page.goto('/community/new');
  await expect(page.getByRole('alert').filter({ hasText: 'Posting needs a verified e-mail address' })).toBeVisible();
  await expect(page.getByTestId('post-submit')).toBeDisabled();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'post-needs-verification');

  const first = await awaitLink(request, member.email, 'verify-email');
  await banner(page).getByRole('button', { name: 'Send the link again' }).click();
  await expect(banner(page)).toContainText('A new link is on its way');
  await expect.poll(async () => awaitLink(request, member.email, 'verify-email')).not.toBe(first);
});

test('a member who forgot their password resets it through the mail and logs in with the new one', async ({ page, member }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'forgot-password');
  await page.getByLabel('Email').fill(member.email);
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByRole('status').filter({ hasText: member.email })).toBeVisible();

  const link = await awaitLink(page.request, member.email, 'reset-password');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'reset-password');
  // A weak password is refused at the field, and the link still works for a better one.
  await page.getByLabel('New password', { exact: true }).fill('password');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  const fresh = 'Second-verse-77';
  await page.getByLabel('New password', { exact: true }).fill(fresh);
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your password is changed' })).toBeVisible();

  await logIn(page, { ...member, password: fresh });
  await expect(page.getByTestId('member-name')).toHaveText(member.displayName);

  // The link is spent.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('Third-verse-88');
  await page.getByRole('button', { name: 'Set the new password' }).click();
  await expect(page.getByRole('alert')).toContainText('This link does not work');
});
