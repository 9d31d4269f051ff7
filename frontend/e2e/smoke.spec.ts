import { expect, expectNoSeriousA11yViolations, test } from './support/fixtures';

// The floor under every other spec: the gateway serves the built app, deep links survive a reload, and the home
// page passes the accessibility check. The screens' own specs check what is on them.

test('the home page loads through the gateway', async ({ page }) => {
  const answer = await page.goto('/');
  expect(answer?.status()).toBe(200);
  await expect(page).toHaveTitle(/HITTER/);
  await expect(page.locator('#root > *').first()).toBeVisible();
});

test('a deep link answers the app, also after a reload', async ({ page }) => {
  const answer = await page.goto('/analyses/123');
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()['content-type']).toContain('text/html');
  expect(answer?.headers()['content-security-policy']).toContain("default-src 'self'");
  await expect(page.locator('#root > *').first()).toBeVisible();

  const again = await page.reload();
  expect(again?.status()).toBe(200);
  await expect(page).toHaveTitle(/HITTER/);
  await expect(page.locator('#root > *').first()).toBeVisible();
});

test('the home page has no serious accessibility violations', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#root > *').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('the home page fits the screen without sideways scrolling', { tag: '@phone' }, async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#root > *').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
