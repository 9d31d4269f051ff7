import type { Browser, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, logIn, screenshotEveryLocale, test, type Member } from './support/fixtures';
import { totpCode, totpStep, untilNextStep } from './support/totp';

// The member's own page (docs/accounts.md): profile, password, sessions and two-factor sign-in, on the real system.
// The two-factor codes are computed here from the secret the page shows, as an authenticator app would.

const memberName = (page: Page) => page.getByTestId('member-name');

/** The password step of the login page; with two-factor on, the code step follows on the same page. */
async function passwordStep(page: Page, member: Member): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Another device: a browser context of its own, signed in with the password (and a code when asked). */
async function otherDevice(browser: Browser, member: Member, secondFactor?: { recoveryCode: string }): Promise<Page> {
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  });
  await context.addInitScript(() => window.localStorage.setItem('hitter.locale', 'en'));
  const page = await context.newPage();
  await passwordStep(page, member);
  if (secondFactor) {
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(secondFactor.recoveryCode);
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await expect(memberName(page)).toHaveText(member.displayName);
  return page;
}

test('a member edits their profile, changes the password, turns two-factor on and signs in with it, and signs another device out', async ({
  page,
  browser,
  member,
}) => {
  test.setTimeout(240_000);
  await logIn(page, member);
  await memberName(page).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'My analyses' }).last()).toHaveAttribute('href', '/analyses');
  await expect(page.getByRole('link', { name: 'My posts' })).toHaveAttribute('href', '/community/mine');
  await expect(page.getByTestId('session')).toHaveCount(1);
  await screenshotEveryLocale(page, 'account');
  await expectNoSeriousA11yViolations(page);

  // Profile: a new name shows in the header at once.
  await page.getByLabel('Display name').fill('E2E 계정 주인');
  await page.getByLabel('Affiliation').fill('Seoul Sound Co.');
  await page.getByLabel('Short bio').fill('Producer of city pop.\n128 bpm.');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Your profile is saved.')).toBeVisible();
  member.displayName = 'E2E 계정 주인';
  await expect(memberName(page)).toHaveText(member.displayName);
  await page.reload();
  await expect(page.getByLabel('Affiliation')).toHaveValue('Seoul Sound Co.');

  // Password: another device signed in before the change is signed out by it; this browser stays.
  const laptop = await otherDevice(browser, member);
  // The e-mail change asks for the current password too: fill the password section's.
  const passwordSection = page.getByRole('region', { name: 'Password', exact: true });
  await passwordSection.getByLabel('Current password').fill(member.password);
  const newPassword = `${member.password}-new`;
  await passwordSection.getByLabel('New password').fill(newPassword);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed. Every other session has ended.')).toBeVisible();
  member.password = newPassword;
  await laptop.reload();
  await expect(laptop.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await laptop.context().close();
  await page.getByRole('button', { name: 'Log out' }).click();
  await logIn(page, member);

  // Two-factor: the QR code and its key, a first code from the "app", ten recovery codes shown once.
  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  const secret = (await page.getByTestId('two-factor-secret').textContent()) ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshotEveryLocale(page, 'account-two-factor-setup');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('The 6-digit code the app shows').fill(totpCode(secret));
  const enabledInStep = totpStep();
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByTestId('recovery-codes').getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCodes = await codes.allTextContents();
  await screenshotEveryLocale(page, 'account-recovery-codes');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(page.getByTestId('two-factor-state')).toContainText('10 recovery codes left.');

  // Signing in now asks for a code; the one that turned two-factor on is spent, so the next step's code is used.
  await page.getByRole('button', { name: 'Log out' }).click();
  await passwordStep(page, member);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await screenshotEveryLocale(page, 'login-two-factor', { fullPage: false });
  await expectNoSeriousA11yViolations(page);
  if (totpStep() === enabledInStep) await page.waitForTimeout(untilNextStep());
  await page.getByLabel('Code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(memberName(page)).toHaveText(member.displayName);

  // A phone signs in with a recovery code; this browser sees it and signs it out.
  const phone = await otherDevice(browser, member, { recoveryCode: recoveryCodes[0] ?? '' });
  await page.goto('/account');
  await expect(page.getByTestId('session')).toHaveCount(2);
  await expect(page.getByTestId('two-factor-state')).toContainText('9 recovery codes left.');
  await screenshotEveryLocale(page, 'account-sessions');
  await page.getByRole('button', { name: 'Sign out Safari on iOS' }).click();
  await expect(page.getByTestId('session')).toHaveCount(1);
  await phone.reload();
  await expect(phone.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await phone.context().close();
});
