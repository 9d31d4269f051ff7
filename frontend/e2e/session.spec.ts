import { expect, logIn, test } from './support/fixtures';
import type { Page, Request } from '@playwright/test';

// The session across reloads and tabs: the access token lives only in the page's memory, the refresh token in an
// HttpOnly cookie; the system under test gives access tokens an 8-second lifetime (RunningSystem), so renewals happen
// during these tests for real.

const memberName = (page: Page) => page.getByTestId('member-name');
const isRefresh = (request: Request) => request.url().endsWith('/api/v1/auth/refresh') && request.method() === 'POST';

test('a reload on a deep link keeps the member signed in and on that page', async ({ page, member }) => {
  await logIn(page, member);
  await page.goto('/analyses?sort=title,asc');
  await expect(page).toHaveURL(/\/analyses\?sort=title(,|%2C)asc$/);
  await expect(memberName(page)).toHaveText(member.displayName);

  await page.reload();
  await expect(page).toHaveURL(/\/analyses\?sort=title(,|%2C)asc$/);
  await expect(memberName(page)).toHaveText(member.displayName);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a visitor on a member deep link logs in and lands back on it', async ({ page, member }) => {
  await page.goto('/compare');
  await expect(page).toHaveURL(/\/login\?next=%2Fcompare$/);
  await expect(page.getByText('Log in to see that page; you will be taken back to it.')).toBeVisible();
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(member.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(memberName(page)).toHaveText(member.displayName);
});

test('a next that points off the app is not followed', async ({ page, member }) => {
  await logIn(page, member, '/login?next=%2F%2Fexample.org%2Fsteal');
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/$/);
});

test('the session outlives its access tokens while the page stays open', async ({ page, member }) => {
  await logIn(page, member);
  const refreshes: number[] = [];
  page.on('request', (request) => isRefresh(request) && refreshes.push(Date.now()));
  // Three lifetimes of an 8 s token: the app must renew before each runs out.
  await page.waitForTimeout(20_000);
  expect(refreshes.length).toBeGreaterThanOrEqual(2);
  await page.getByRole('link', { name: 'My analyses' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(memberName(page)).toHaveText(member.displayName);
  await page.reload();
  await expect(memberName(page)).toHaveText(member.displayName);
});

test('two tabs refreshing at once stay logged in, with one rotation', async ({ page, member }) => {
  const context = page.context();
  // The pages' clocks are Playwright's, so both tabs can be made to reach their renewal time at the same instant.
  await context.clock.install();
  await logIn(page, member);
  const second = await context.newPage();
  await second.goto('/analyses');
  await expect(memberName(second)).toHaveText(member.displayName);
  await expect(memberName(page)).toHaveText(member.displayName);
  // Let the second tab's start-up refresh and its broadcast settle.
  await second.waitForTimeout(1_000);

  const refreshes: Request[] = [];
  const refused: string[] = [];
  context.on('request', (request) => isRefresh(request) && refreshes.push(request));
  context.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 401) refused.push(response.url());
  });

  // Both tabs' tokens now look expired to them: both renewal timers fire together and race for the lock.
  await context.clock.fastForward('00:09');
  await expect.poll(() => refreshes.length).toBeGreaterThanOrEqual(1);
  await page.waitForTimeout(1_500);
  // One tab rotated the cookie and told the other; a second rotation is tolerated only if the broadcast was late.
  test.info().annotations.push({ type: 'refreshes when both tabs renewed at once', description: String(refreshes.length) });
  expect(refreshes.length).toBeLessThanOrEqual(2);
  expect(refused).toEqual([]);

  for (const tab of [page, second]) {
    await expect(memberName(tab)).toHaveText(member.displayName);
    // The refresh cookie still works (no reuse detection tripped): a reload resumes the session.
    await tab.reload();
    await expect(memberName(tab)).toHaveText(member.displayName);
  }
  await second.close();
});
