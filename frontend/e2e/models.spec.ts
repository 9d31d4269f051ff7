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
    // The evaluation the set was promoted on: every metric for audio, lyrics and combined with its interval.
    const table = card.getByRole('table', { name: new RegExp(`^${genre}: each figure with its 95% interval`) });
    const auc = table.getByRole('row', { name: /ROC AUC/ }).getByRole('cell');
    await expect(auc).toHaveCount(3);
    await expect(auc.nth(2)).toHaveText(/^0\.\d{3} \(0\.\d{3}–(0\.\d{3}|1\.000)\)$/);
    // Its pictures come through the gateway without a token, and are real PNGs.
    const roc = card.getByRole('img', { name: new RegExp(`^${genre}: ROC curves`) });
    await roc.scrollIntoViewIfNeeded();
    await expect.poll(() => roc.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
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
