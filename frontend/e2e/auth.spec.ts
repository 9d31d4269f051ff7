import {
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  mailsTo,
  screenshotEveryLocale,
  signUp,
  test,
  uniqueEmail,
} from './support/fixtures';
import type { Page } from '@playwright/test';

// Sign-up, login and logout through the app's own forms, against the real auth service: every refusal is shown next
// to the field it is about, and nothing the person typed is lost.

const memberName = (page: Page) => page.getByTestId('member-name');

async function fillSignUp(page: Page, values: { email: string; password: string; displayName: string; kind: string }) {
  await page.getByLabel('Email').fill(values.email);
  await page.getByLabel('Password').fill(values.password);
  await page.getByLabel('Display name').fill(values.displayName);
  await page.getByLabel('I am').selectOption(values.kind);
}

test('a visitor signs up with the form, is asked to check their mail, and logs in', async ({ page }) => {
  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign up' })).toBeVisible();
  // The password rule is explained before anything is sent.
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/10 to 128 characters/);
  const email = uniqueEmail('signup');
  await fillSignUp(page, { email, password: 'Verse-and-chorus-42', displayName: '새 프로듀서', kind: 'producer' });
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible();
  // Not signed in by the sign-up itself: that would tell whether the address was free.
  await expect(memberName(page)).toHaveCount(0);
  await page.getByRole('link', { name: 'Log in' }).last().click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('Verse-and-chorus-42');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(memberName(page)).toHaveText('새 프로듀서');
  await expect(page.getByTestId('unverified-banner')).toBeVisible();
});

test('a weak password is refused at the password field and every field keeps what was typed', async ({ page }) => {
  await page.goto('/signup');
  const email = uniqueEmail('weak');
  await fillSignUp(page, { email, password: 'password', displayName: 'Weak Ann', kind: 'artist' });
  await page.getByRole('button', { name: 'Create my account' }).click();
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/does not meet the rule/);
  await expect(page.getByLabel('Email')).toHaveValue(email);
  await expect(password).toHaveValue('password');
  await expect(page.getByLabel('Display name')).toHaveValue('Weak Ann');
  await expect(page.getByLabel('I am')).toHaveValue('artist');
  await expect(page.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(memberName(page)).toHaveCount(0);
});

test('a taken email gets the same answer as a fresh one, and its owner a mail saying someone tried', async ({ page, member }) => {
  await page.goto('/signup');
  await fillSignUp(page, { email: member.email, password: 'Another-long-pass-7', displayName: 'Twin', kind: 'label' });
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: member.email })).toBeVisible();
  await expect
    .poll(async () => (await mailsTo(page.request, member.email)).some((mail) => /already has an account/.test(mail.text)))
    .toBe(true);
});

test('a member logs in and sees their name in the header', async ({ page, member }) => {
  await logIn(page, member);
  await expect(memberName(page)).toHaveText(member.displayName);
});

test('a wrong password is said at the password field and the typed values stay', async ({ page, member }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill('not-the-password-1');
  await page.getByRole('button', { name: 'Log in' }).click();
  const password = page.getByLabel('Password');
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('The email or the password is wrong.');
  await expect(page.getByLabel('Email')).toHaveValue(member.email);
  await expect(password).toHaveValue('not-the-password-1');
  await expect(page).toHaveURL(/\/login$/);
});

test('logout ends the session, also after a reload', async ({ page, member }) => {
  await logIn(page, member);
  await expect(memberName(page)).toBeVisible();
  const logout = page.waitForRequest((request) => request.url().endsWith('/api/v1/auth/logout'));
  await page.getByRole('button', { name: 'Log out' }).click();
  const sent = await logout;
  expect(sent.headers()['authorization']).toMatch(/^Bearer /);
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await expect(memberName(page)).toHaveCount(0);

  // The refresh cookie is gone too: the server refuses a refresh with it, and member pages ask for a login.
  const refresh = await page.request.post('/api/v1/auth/refresh', { headers: { 'X-Hitter-Session': 'cookie' } });
  expect(refresh.status()).toBe(401);
  await page.goto('/analyses');
  await expect(page).toHaveURL(/\/login\?next=%2Fanalyses$/);
  await page.reload();
  await expect(memberName(page)).toHaveCount(0);
});

test('logout in one tab ends the session in the other', async ({ page, member }) => {
  await logIn(page, member);
  const other = await page.context().newPage();
  await other.goto('/models');
  await expect(memberName(other)).toHaveText(member.displayName);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(memberName(other)).toHaveCount(0);
  await expect(other.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await other.close();
});

test('the login and sign-up pages pass the accessibility check and are shot in both languages', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Log in' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'login');

  await page.goto('/signup');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign up' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'signup');
});

test('a refused sign-up passes the accessibility check with its errors shown', async ({ page, request }) => {
  const taken = await signUp(request, 'a11y-taken');
  await page.goto('/signup');
  await fillSignUp(page, { email: taken.email, password: 'password', displayName: 'A', kind: 'other' });
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'signup-refused', {
    // A reload would empty the form: switch with the app's own language select instead.
    switchLocale: async (target, locale) => {
      await target.getByRole('combobox', { name: /language|언어/i }).selectOption(locale);
      await target.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
    },
  });
});
