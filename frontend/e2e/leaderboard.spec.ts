import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
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

// The listenable leaderboard against the real system (issue 11): a producer analyses a real MP3 with its lyrics and
// publishes it at upload; another member finds it on the leaderboard, plays it (the audio streams with Range),
// seeks, reads the lyrics and likes it; the producer unpublishes and the listener's next press of play says the track
// is no longer available; the producer publishes again from the result page by choosing the file (another file is
// refused at the field); an administrator hides, restores and removes the entry and its owner reads why. One analysis
// serves every step (each costs seconds of CPU on a shared machine), so the tests run in order.
test.describe.configure({ mode: 'serial' });

// Known to the demonstration models' vocabulary, so the result has words on both sides.
const LYRICS = 'We shine like the summer sun, golden sky\nbut a rainy grey day, tired and empty\n별빛 아래 함께 빛나';
const TITLE = `Leaderboard E2E ${randomUUID().slice(0, 6)}`;

let producer: Member;
let listener: Member;
let trackId = '';

/** The administrator the running system was started with (BrowserEndToEndIT passes it); no silent skip without one. */
function administrator(): Member {
  const email = process.env.HITTER_E2E_ADMIN_EMAIL;
  const password = process.env.HITTER_E2E_ADMIN_PASSWORD;
  if (!email || !password) {
    throw new Error(
      'HITTER_E2E_ADMIN_EMAIL and HITTER_E2E_ADMIN_PASSWORD must name an administrator of the system under test ' +
        '(BrowserEndToEndIT sets them; by hand, export the HITTER_ADMIN_EMAIL / HITTER_ADMIN_PASSWORD that ./hitter run was given).',
    );
  }
  return { email, password, displayName: 'administrator' };
}

/** A second person at another computer: a browser context of their own, in English. */
async function personAt(browser: Browser, who: Member): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: DESKTOP });
  await useLocale(context, 'en');
  const page = await context.newPage();
  await logIn(page, who);
  return page;
}

async function currentTime(page: Page): Promise<number> {
  return page.getByTestId('published-audio').evaluate((audio) => (audio as HTMLAudioElement).currentTime);
}

/** The leaderboard row of the track, paging on while it is not on the page shown. */
async function findOnLeaderboard(page: Page, title: string) {
  await page.goto('/leaderboard?genre=POP');
  await expect(page.getByRole('heading', { level: 1, name: 'Pop leaderboard' })).toBeVisible();
  for (let pages = 0; pages < 50; pages += 1) {
    await expect(page.getByTestId('leaderboard-row').first()).toBeVisible();
    const row = page.getByTestId('leaderboard-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    if ((await row.count()) > 0) return row;
    const next = page.getByRole('button', { name: 'Next' });
    if (await next.isDisabled()) break;
    await next.click();
  }
  throw new Error(`"${title}" is not on the Pop leaderboard`);
}

test.beforeAll(async ({ request }) => {
  producer = await signUp(request, 'leaderboard producer');
  listener = await signUp(request, 'leaderboard listener');
  // Fail at once, before any analysis, when the administrator is missing.
  administrator();
});

test('a_published_track_is_heard_read_and_liked_until_its_owner_unpublishes_it', async ({ page, browser, media }) => {
  // Member A analyses the MP3 with lyrics and ticks "publish" at upload.
  await logIn(page, producer);
  await page.goto('/analyse');
  await page.getByRole('radio', { name: 'Pop', exact: true }).check();
  await page.getByLabel('Audio file').setInputFiles(media.mp3);
  await page.getByLabel('Title (optional)').fill(TITLE);
  await page.getByLabel('Artist (optional)').fill('E2E');
  await page.getByLabel(/^Lyrics \(optional\)/).fill(LYRICS);
  const publish = page.getByRole('checkbox', { name: 'Share it on the leaderboard and publish the audio and lyrics' });
  await expect(publish).not.toBeChecked();
  await publish.check();
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  trackId = page.url().split('/').pop() ?? '';
  await expect(page.getByTestId('publication-state')).toContainText('signed-in members can listen to the track and read the lyrics');
  await expect(page.getByTestId('shared-badge')).toBeVisible();

  // Member B, elsewhere, finds it on the leaderboard.
  const other = await personAt(browser, listener);
  const row = await findOnLeaderboard(other, TITLE);
  await expect(row.getByTestId('badge-listen')).toBeVisible();
  await expect(row.getByTestId('badge-lyrics')).toBeVisible();
  await expectNoSeriousA11yViolations(other);
  await screenshotEveryLocale(other, 'leaderboard');

  // The audio streams with Range through the gateway: a 206 answer for …/audio.
  const partial = other.waitForResponse(
    (response) => new URL(response.url()).pathname === `/api/v1/predictions/${trackId}/audio` && response.status() === 206,
  );
  await row.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(other).toHaveURL(new RegExp(`/analyses/${trackId}$`));
  await expect(other.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(other.getByTestId('published-player')).toBeVisible();
  await other.getByRole('button', { name: 'Play', exact: true }).click();
  const answer = await partial;
  expect(answer.headers()['content-range'] ?? '').toMatch(/^bytes \d+-\d+\/\d+$/);
  await expect(other.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => currentTime(other), { timeout: 15_000 }).toBeGreaterThan(0.3);

  // Seeking with the slider: a click a fifth of the way along moves the element to about a fifth of the track.
  const slider = other.getByTestId('position');
  await expect(slider).toBeEnabled();
  const duration = await other.getByTestId('published-audio').evaluate((audio) => (audio as HTMLAudioElement).duration);
  const box = (await slider.boundingBox()) ?? { width: 0, height: 0 };
  await slider.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
  await expect.poll(() => currentTime(other)).toBeGreaterThan(duration * 0.2 - 3);
  expect(await currentTime(other)).toBeLessThan(duration * 0.2 + 4);
  // A click on the heat strip seeks to that segment in the track, and the playhead stands over it.
  const start = Number(await other.getByTestId('timeline').getAttribute('data-axis-start'));
  await other.getByTestId('heat-segment').nth(100).click();
  await expect.poll(() => currentTime(other)).toBeGreaterThanOrEqual(start + 100 * 0.256 - 0.3);
  expect(await currentTime(other)).toBeLessThan(start + 101 * 0.256 + 3);
  await expect(other.getByTestId('playhead')).toBeVisible();
  const left = await other.getByTestId('playhead').evaluate((el) => parseFloat((el as HTMLElement).style.left));
  expect(left).toBeGreaterThan(80);

  // The lyrics, as published.
  await expect(other.getByTestId('published-lyrics')).toContainText('We shine like the summer sun');
  await expect(other.getByTestId('published-lyrics')).toContainText('별빛 아래 함께 빛나');

  // A like counts.
  const like = other.getByTestId('like-button');
  const before = Number(await like.getByTestId('like-count').textContent());
  await expect(like).toHaveAttribute('aria-pressed', 'false');
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await expect(like.getByTestId('like-count')).toHaveText(String(before + 1));
  await other.reload();
  await expect(other.getByTestId('like-button')).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('like-count')).toHaveText(String(before + 1));

  await expect(other.getByTestId('published-player')).toBeVisible();
  // The picture in place, as a person would see it, before the checks and the screenshots.
  await expect.poll(() => other.getByTestId('spectrogram').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  await expectNoSeriousA11yViolations(other);
  await screenshotEveryLocale(other, 'listening');

  // A unpublishes; B's next press of play learns it at once.
  await page.getByRole('button', { name: 'Unpublish' }).click();
  await expect(page.getByTestId('publication-state')).toContainText('Not published');
  await other.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(other.getByTestId('no-longer-available')).toBeVisible();
  await expect(other.getByRole('alert').filter({ hasText: 'No longer available' })).toBeVisible();
  await expect(other.getByTestId('published-player')).toHaveCount(0);
  await other.context().close();
});

test('the_owner_publishes_later_by_choosing_the_analysed_file_and_another_file_is_refused_at_the_field', async ({ page, media }) => {
  expect(trackId, 'the first test made the analysis').not.toBe('');
  await logIn(page, producer);
  // A new page load: the tab no longer holds the file, so the member chooses it again.
  await page.goto(`/analyses/${trackId}`);
  await expect(page.getByTestId('publication-state')).toContainText('Not published');
  await page.getByRole('button', { name: 'Publish the audio…' }).click();
  const file = page.getByLabel('The audio file you analysed');
  await file.setInputFiles(media.wav);
  await page.getByRole('button', { name: 'Publish on the leaderboard' }).click();
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('This is not the file that was analysed.', { exact: false })).toBeVisible();

  await file.setInputFiles(media.mp3);
  await page.getByRole('checkbox', { name: 'Publish the lyrics too' }).check();
  await page.getByLabel('The lyrics you analysed').fill(LYRICS);
  await page.getByRole('button', { name: 'Publish on the leaderboard' }).click();
  await expect(page.getByTestId('publication-state')).toContainText('signed-in members can listen to the track and read the lyrics');
  // The owner hears the published copy too (nothing is held in this tab).
  await expect(page.getByTestId('published-player')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test('an_administrator_hides_an_entry_and_its_owner_sees_why', async ({ page, browser }) => {
  expect(trackId, 'the first test made the analysis').not.toBe('');
  const reason = `Hidden by the browser test ${randomUUID().slice(0, 6)}`;

  const admin = await personAt(browser, administrator());
  await admin.goto(`/analyses/${trackId}`);
  await expect(admin.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await admin.getByRole('button', { name: 'Hide or remove…' }).click();
  await admin.getByRole('button', { name: 'Hide', exact: true }).click();
  // A reason is required: the owner reads it.
  await expect(admin.getByText('Give a reason: the owner will read it.')).toBeVisible();
  await admin.getByLabel('Reason (the owner reads it)').fill(reason);
  await admin.getByRole('button', { name: 'Hide', exact: true }).click();
  await expect(admin.getByTestId('moderation-state')).toContainText(reason);

  // The owner sees why.
  await logIn(page, producer);
  await page.goto(`/analyses/${trackId}`);
  await expect(page.getByText('An administrator hid this analysis from the leaderboard')).toBeVisible();
  await expect(page.getByTestId('moderation-reason')).toHaveText(`Reason: ${reason}`);

  // Everybody else: gone from the leaderboard and from the address.
  const other = await personAt(browser, listener);
  await other.goto(`/analyses/${trackId}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await other.context().close();

  // Hidden keeps the publication: its owner can still play it.
  await expect(page.getByTestId('published-player')).toBeVisible();

  // Administrators see the hidden entry on the leaderboard, flagged, and restore it from its row.
  const flagged = await findOnLeaderboard(admin, TITLE);
  await expect(flagged.getByTestId('row-moderation')).toContainText(reason);
  await expectNoSeriousA11yViolations(admin);
  await flagged.getByText('Moderate').click();
  await flagged.getByRole('button', { name: 'Restore' }).click();
  await expect(flagged.getByTestId('row-moderation')).toHaveCount(0);

  // Removed: its published audio and lyrics are gone and it cannot be published again until restored.
  await admin.goto(`/analyses/${trackId}`);
  await expect(admin.getByTestId('moderation')).toBeVisible();
  await admin.getByRole('button', { name: 'Hide or remove…' }).click();
  await admin.getByRole('radio', { name: /^Remove it/ }).check();
  await admin.getByLabel('Reason (the owner reads it)').fill(`Removed by the browser test`);
  await admin.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(admin.getByTestId('moderation-state')).toContainText('Removed since');
  await page.reload();
  await expect(page.getByText('An administrator removed this analysis from the leaderboard')).toBeVisible();
  await expect(page.getByTestId('publication')).toHaveCount(0);
  await expect(page.getByTestId('published-player')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await admin.getByRole('button', { name: 'Restore' }).click();
  await expect(admin.getByText('Restored: it is back on the leaderboard.')).toBeVisible();
  await admin.context().close();
});

test('the leaderboard and a shared result fit a phone without sideways scrolling', { tag: '@phone' }, async ({ page, member }) => {
  await logIn(page, member);
  for (const genre of ['POP', 'BALLAD', 'DANCE']) {
    await page.goto(`/leaderboard?genre=${genre}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('leaderboard-table').or(page.getByTestId('leaderboard-empty'))).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, genre).toBeLessThanOrEqual(0);
  }
  await page.goto('/leaderboard?genre=POP');
  const first = page.getByTestId('leaderboard-link').first();
  if ((await first.count()) > 0) {
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, page.url()).toBeLessThanOrEqual(0);
  }
});
