import { LOCALE_KEY, expect, test } from './support/fixtures';

test.describe('language', () => {
  // Leave the app to choose: it starts in Korean.
  test.use({ appLocale: null });

  test('the app starts in Korean, switches to English from the header and remembers it after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    await expect(page.getByRole('link', { name: '모델 소개' }).first()).toBeAttached();

    const select = page.getByRole('combobox', { name: '언어' });
    if (!(await select.isVisible())) await page.getByRole('button', { name: '메뉴' }).click();
    await select.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeAttached();
    await expect(nav).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'About the models' }).first()).toBeAttached();
    expect(await page.evaluate((key) => localStorage.getItem(key), LOCALE_KEY)).toBe('en');

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'HITTER' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  });

  test('the language switch works from the keyboard', async ({ page }) => {
    await page.goto('/login');
    const select = page.getByRole('combobox', { name: '언어' });
    if (!(await select.isVisible())) await page.getByRole('button', { name: '메뉴' }).click();
    await select.focus();
    await expect(select).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
