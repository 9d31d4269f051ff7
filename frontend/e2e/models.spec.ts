import { expect, expectNoSeriousA11yViolations, screenshotEveryLocale, test } from './support/fixtures';

test('about the models shows each genre in plain words with a demonstration notice nobody can miss', async ({ page }) => {
  await page.goto('/models');
  await expect(page.getByRole('heading', { level: 1, name: 'About the models' })).toBeVisible();
  for (const genre of ['Pop', 'Ballad', 'Dance']) {
    const card = page.getByRole('article', { name: genre });
    await expect(card).toBeVisible();
    await expect(card.getByRole('heading', { level: 3, name: 'Audio model' })).toBeVisible();
    await expect(card.getByRole('heading', { level: 3, name: 'Lyrics model' })).toBeVisible();
    await expect(card.getByText(/^Tested on [\d,]+ songs kept aside/).first()).toBeVisible();
    await expect(card.getByText(/times out of 100/).first()).toBeVisible();
    await expect(card.getByRole('heading', { name: 'What it cannot do' }).first()).toBeVisible();
  }
  // The system runs the demonstration models: the page says so at the top, in an alert.
  const notice = page.getByRole('alert').filter({ hasText: 'These are demonstration models' });
  await expect(notice).toBeVisible();
  const noticeBox = await notice.boundingBox();
  const firstCard = await page.getByRole('article').first().boundingBox();
  expect(noticeBox && firstCard && noticeBox.y < firstCard.y).toBeTruthy();

  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'models');
});

test('about the models reads in Korean too', async ({ page }) => {
  await page.goto('/models');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { level: 1, name: '모델 소개' })).toBeVisible();
  await expect(page.getByRole('article', { name: '발라드' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '시연용 모델입니다' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
