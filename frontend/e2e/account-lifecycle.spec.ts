import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  screenshotEveryLocale,
  test,
  uniqueEmail,
  verifyThroughMail,
  type Member,
} from './support/fixtures';
import { totpCode, totpStep, untilNextStep } from './support/totp';

// An account from sign-up to deletion on the real system (docs/accounts.md "Deleting an account and your data"):
// sign up through the form, verify through the local run's mail, turn two-factor on and sign in with it, change the
// password, download the data (the zip's entries checked), delete the account; the old token and the login refused.

/** The names of a zip's entries, read from its central directory (no zip library needed for that). */
function zipEntries(bytes: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let offset = 0;
  while (offset + 30 <= bytes.length && bytes.readUInt32LE(offset) === 0x04034b50) {
    const flags = bytes.readUInt16LE(offset + 6);
    const method = bytes.readUInt16LE(offset + 8);
    const nameLength = bytes.readUInt16LE(offset + 26);
    const extraLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const start = offset + 30 + nameLength + extraLength;
    // Streamed entries (flag 8) give their sizes after the data: inflate until the stream ends.
    const data = bytes.subarray(start);
    const content = method === 8 ? inflateRawSync(data, { finishFlush: 2 }) : data;
    entries.set(name, content);
    if ((flags & 8) === 0) {
      offset = start + bytes.readUInt32LE(offset + 18);
      continue;
    }
    // Find the data descriptor after this entry's deflated data: the next local header follows it.
    const next = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), start);
    offset = next < 0 ? bytes.length : next;
  }
  return entries;
}

async function accessTokenOf(page: Page): Promise<string> {
  // The app keeps the token in memory only; the next API call it makes carries it.
  const request = page.waitForRequest((r) => r.url().includes('/api/v1/') && !!r.headers()['authorization']);
  await page.reload();
  return ((await request).headers()['authorization'] ?? '').replace(/^Bearer /, '');
}

test('an account from sign-up to deletion: two-factor, a new password, the data archive, and nothing left that signs in', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const member: Member = { email: uniqueEmail('lifecycle'), password: 'lifecycle-Chorus-93', displayName: 'E2E 떠나는 사람' };

  await page.goto('/signup');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByLabel('Display name').fill(member.displayName);
  await page.getByLabel('I am').selectOption('artist');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your mail' })).toBeVisible();
  await verifyThroughMail(page.request, member.email);

  await logIn(page, member);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const secret = (await page.getByTestId('two-factor-secret').textContent()) ?? '';
  await page.getByLabel('The 6-digit code the app shows').fill(totpCode(secret));
  const enabledInStep = totpStep();
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'I have saved them' }).click();

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.goto('/login');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  if (totpStep() === enabledInStep) await page.waitForTimeout(untilNextStep());
  const signInStep = totpStep();
  await page.getByLabel('Code').fill(totpCode(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('member-name')).toHaveText(member.displayName);

  await page.goto('/account');
  await page.getByLabel('Current password').first().fill(member.password);
  member.password = `${member.password}-new`;
  await page.getByLabel('New password').fill(member.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed. Every other session has ended.')).toBeVisible();

  // Your data: the archive the browser saves.
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data' }).click();
  const archive = readFileSync((await (await download).path()) ?? '');
  const entries = zipEntries(archive);
  expect([...entries.keys()].sort()).toEqual(['README.txt', 'community.json', 'predictions.json', 'profile.json']);
  const profile = JSON.parse(entries.get('profile.json')?.toString('utf8') ?? '{}');
  expect(profile.email).toBe(member.email);
  expect(profile.twoFactorEnabled).toBe(true);

  // Delete account: what goes and what stays, the password and a code, then goodbye.
  const token = await accessTokenOf(page);
  const section = page.getByRole('region', { name: 'Delete account' });
  await expect(section.getByText(/published audio and lyrics/)).toBeVisible();
  await screenshotEveryLocale(page, 'account-delete');
  await expectNoSeriousA11yViolations(page);
  await section.getByLabel('Current password').fill(member.password);
  if (totpStep() === signInStep) await page.waitForTimeout(untilNextStep());
  await section.getByLabel('Two-factor code').fill(totpCode(secret));
  await section.getByLabel(/deleted for good/).check();
  await section.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/goodbye$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your account is deleted' })).toBeVisible();
  await screenshotEveryLocale(page, 'goodbye');
  await expectNoSeriousA11yViolations(page);

  const refused = await page.request.get('/api/v1/auth/me/profile', { headers: { Authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  const login = await page.request.post('/api/v1/auth/login', { data: { email: member.email, password: member.password } });
  expect(login.status()).toBe(401);
});
