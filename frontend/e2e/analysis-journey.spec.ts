import type { Page } from '@playwright/test';
import {
  DESKTOP,
  expect,
  expectNoSeriousA11yViolations,
  logIn,
  type Member,
  screenshotEveryLocale,
  signUp,
  test,
  useLocale,
} from './support/fixtures';

// One producer's whole analysis journey against the real system. Each analysis costs seconds of CPU on a shared
// two-core machine, so the suite makes two (a real MP3 and a real WAV) and every later step reuses them: the tests
// run in order, sharing one member and the two analysis ids.
test.describe.configure({ mode: 'serial' });

let producer: Member;
let mp3Id = '';
let wavId = '';

// Known to the demonstration models' vocabulary, so chips appear on both sides.
const LYRICS = 'We shine like the summer sun, golden sky\nbut a rainy grey day, tired and empty\n별빛 아래 함께 빛나';

test.beforeAll(async ({ request }) => {
  producer = await signUp(request, 'analysis journey');
});

async function analyse(page: Page, { genre, file, title, artist }: { genre: string; file: string; title: string; artist?: string }) {
  await page.goto('/analyse');
  await page.getByRole('radio', { name: genre, exact: true }).check();
  await page.getByLabel('Audio file').setInputFiles(file);
  await page.getByLabel('Title (optional)').fill(title);
  if (artist) await page.getByLabel('Artist (optional)').fill(artist);
  await page.getByLabel(/^Lyrics \(optional\)/).fill(LYRICS);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  // The bytes go first, then the analysis takes its seconds: the page says which is happening — unless a short
  // WAV on a quiet machine is answered before the check looks (seen in CI), when the result is already there.
  await expect(page.getByTestId('analysing').or(page.getByTestId('result'))).toBeVisible();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  return page.url().split('/').pop() ?? '';
}

async function currentTime(page: Page): Promise<number> {
  return page.getByTestId('own-audio').evaluate((audio) => (audio as HTMLAudioElement).currentTime);
}

test('analyse_a_real_mp3_then_see_and_hear_the_result', async ({ page, media }) => {
  await logIn(page, producer);
  await page.goto('/analyse');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse a track' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'analyse');

  mp3Id = await analyse(page, { genre: 'Pop', file: media.mp3, title: 'Night Drive (mix A)', artist: 'E2E' });

  // The picture: gauge, both scores, the spectrogram with its heat strip, the chips.
  await expect(page.getByRole('heading', { level: 1, name: 'Night Drive (mix A)' })).toBeVisible();
  await expect(page.getByTestId('hit-gauge').getByRole('img', { name: /^Hit probability \d+%/ })).toBeVisible();
  await expect(page.getByTestId('audio-score')).toContainText('%');
  await expect(page.getByTestId('lyrics-score')).toContainText('%');
  const spectrogram = page.getByTestId('spectrogram');
  await expect(spectrogram).toBeVisible();
  await expect.poll(() => spectrogram.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  await expect(page.getByTestId('heat-segment')).toHaveCount(117);
  await expect(page.getByTestId('top-marker')).toHaveCount(3);
  expect(await page.locator('[data-testid^="chip-"]').count()).toBeGreaterThan(0);
  // One currency: the chips carry the strip's scale, and the baseline and the parts add up to the score.
  expect(await page.getByTestId('chip-heat').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('ledger-bias')).toBeVisible();
  await expect(page.getByTestId('ledger-total')).toContainText('(logit) =');
  await expect(page.getByRole('alert').first()).toContainText('Demonstration model');

  // The member's own file plays from the browser's copy; a top segment seeks there and plays.
  const start = Number(await page.getByTestId('timeline').getAttribute('data-axis-start'));
  const top = page.getByTestId('top-segment').first();
  // "1. 0:35–0:38 — play from here": the first clock is where the top segment starts in the track.
  const [, minutes, seconds] = /(\d+):(\d\d)/.exec((await top.textContent()) ?? '') ?? [];
  const topStart = Number(minutes) * 60 + Number(seconds);
  await top.click();
  await expect(page.getByTestId('playhead')).toBeVisible();
  await expect.poll(() => currentTime(page), { timeout: 10_000 }).toBeGreaterThan(topStart + 0.3);
  const playheadBefore = await page.getByTestId('playhead').evaluate((el) => (el as HTMLElement).style.left);
  await expect.poll(() => page.getByTestId('playhead').evaluate((el) => (el as HTMLElement).style.left)).not.toBe(playheadBefore);

  // A click on a segment of the strip seeks to that segment's start in the track.
  await page.getByTestId('heat-segment').nth(100).click();
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(start + 100 * 0.256 - 0.3);
  expect(await currentTime(page)).toBeLessThan(start + 101 * 0.256 + 2);
  // The keyboard does the same on the strip.
  await page.getByRole('slider', { name: 'Position in your track' }).focus();
  await page.keyboard.press('Home');
  await expect.poll(() => currentTime(page)).toBeLessThan(start + 2);
  await page.getByTestId('own-audio').evaluate((audio) => (audio as HTMLAudioElement).pause());

  await expect(page.getByTestId('analyse-again')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // The support switches language with the app's own switch: no reload, so the held file keeps playing.
  await screenshotEveryLocale(page, 'result');

  // "Analyse again as another genre" brings the held file and what was typed back into the form (not sent here:
  // each analysis costs seconds of CPU).
  await page.getByTestId('analyse-again').click();
  await expect(page).toHaveURL(/\/analyse\?again=/);
  await expect(page.getByTestId('chosen-audio')).toContainText(media.mp3.split('/').pop() ?? '');
  await expect(page.getByLabel('Title (optional)')).toHaveValue('Night Drive (mix A)');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue(LYRICS);
  await expect(page.getByText('(analysed as this)')).toBeVisible();
});

test('analyse_a_real_wav_whose_labels_look_like_code_and_see_them_as_text', async ({ page, media }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await logIn(page, producer);
  wavId = await analyse(page, {
    genre: 'Ballad',
    file: media.wav,
    title: '<script>alert("title")</script>',
    artist: 'javascript:alert("artist")',
  });
  await expect(page.getByRole('heading', { level: 1, name: '<script>alert("title")</script>' })).toBeVisible();
  await expect(page.getByTestId('result-artist')).toHaveText('javascript:alert("artist")');
  await expect(page.getByTestId('heat-segment')).toHaveCount(117);
  // WAV plays in Chromium too.
  await expect(page.getByTestId('own-audio')).toBeVisible();
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  await page.goto('/analyses');
  await expect(page.getByRole('link', { name: '<script>alert("title")</script>' })).toBeVisible();
  expect(dialogs).toEqual([]);
});

test('my_analyses_sorts_pages_and_exports_then_compares_two', async ({ page }) => {
  await logIn(page, producer);
  await page.goto('/analyses');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('demo model');

  await page.getByTestId('sort-title').click();
  await expect(page).toHaveURL(/sort=title%2Casc|sort=title,asc/);
  await expect(page.getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first()).toContainText('<script>');
  await page.getByTestId('sort-hitProbability').click();
  await expect(page.getByRole('columnheader', { name: /Hit probability/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await download;
  expect(csv.suggestedFilename()).toBe('hitter-analyses.csv');
  const { readFileSync } = await import('node:fs');
  const text = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(text.split('\n')[0]).toContain('id,title,artist,genre');
  expect(text).toContain(mp3Id);

  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'analyses');

  await page.getByLabel('Pick “Night Drive (mix A)” to compare').check();
  await page.getByLabel(/^Pick “<script>/).check();
  await page.getByTestId('compare-picked').click();
  await expect(page).toHaveURL(/\/compare\?ids=/);
  await expect(page.getByTestId('compare-column')).toHaveCount(2);
  await expect(page.getByTestId('compare-table')).toContainText('Hit probability');
  await expect(page.getByTestId('compare-table').locator('td[data-highest]')).not.toHaveCount(0);
  for (const column of await page.getByTestId('compare-column').all()) {
    await expect(column.getByTestId('heat-segment')).toHaveCount(117);
    await expect(column.getByTestId('spectrogram')).toBeVisible();
  }
  // One scale: the strongest segment of either analysis is at full strength, and only one of them holds it.
  const strongest = await page.getByTestId('heat-segment').evaluateAll((rects) =>
    Math.max(...rects.map((r) => Math.abs(Number(r.getAttribute('data-intensity'))))),
  );
  expect(strongest).toBe(1);
  await expectNoSeriousA11yViolations(page);
  await screenshotEveryLocale(page, 'compare');
});

test('share_and_unshare_then_another_member_cannot_open_it', async ({ page, browser }) => {
  await logIn(page, producer);
  await page.goto(`/analyses/${mp3Id}`);
  await expect(page.getByTestId('share-state')).toContainText('Private');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(page.getByTestId('share-state')).toContainText('Shared');
  await page.reload();
  await expect(page.getByTestId('shared-badge')).toBeVisible();
  // The file is not held after a reload: the result still shows, without the player.
  await expect(page.getByText(/Right after an analysis your own file plays here/)).toBeVisible();
  await page.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(page.getByTestId('share-state')).toContainText('Private');

  const other = await signUp(page.request, 'someone else');
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: DESKTOP });
  await useLocale(context, 'en');
  const otherPage = await context.newPage();
  await logIn(otherPage, other);
  await otherPage.goto(`/analyses/${mp3Id}`);
  await expect(otherPage.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await context.close();
});

test('rename_then_delete_after_confirming', async ({ page }) => {
  await logIn(page, producer);
  await page.goto(`/analyses/${wavId}`);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('New title').fill('x'.repeat(201));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('New title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Too long: at most 200 characters.')).toBeVisible();
  await page.getByLabel('New title').fill('Night Drive (mix B)');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Night Drive (mix B)' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByTestId('confirm-delete').click();
  await expect(page).toHaveURL(/\/analyses$/);
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await page.goto(`/analyses/${wavId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
