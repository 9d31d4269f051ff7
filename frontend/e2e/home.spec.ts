import { expect, expectNoSeriousA11yViolations, logIn, screenshotEveryLocale, test } from './support/fixtures';

test('a visitor sees what HITTER does and an example marked as an example', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'HITTER' })).toBeVisible();
  const example = page.getByRole('region', { name: /What a result looks like/ });
  await expect(example).toBeVisible();
  await expect(example.getByText('Example', { exact: true })).toBeVisible();
  await expect(example.getByText('This is an example result, not an analysis of a real track.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign up free' })).toBeVisible();
  // The system status line stays, in the footer.
  await expect(page.getByRole('contentinfo').getByRole('status')).toContainText('System status:');
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'home');
});

test('a member sees their recent analyses on the home page', async ({ page, member }) => {
  await logIn(page, member);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(member.displayName);
  await expect(page.getByRole('heading', { level: 2, name: 'Your recent analyses' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Analyse a track' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'home-member');
});

test('an unknown address shows the not-found page', async ({ page }) => {
  const answer = await page.goto('/no/such/page');
  expect(answer?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'not-found');
});

test('the first Tab offers to skip to the content, with a visible focus', async ({ page }) => {
  await page.goto('/models');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('#main')).toBeFocused();
});

test('on a phone the navigation folds behind a menu button', { tag: '@phone' }, async ({ page }) => {
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('/');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    const nav = page.locator('#site-nav');
    await expect(nav).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About the models' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'About the models' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
  }
});
