import { writeFileSync } from 'node:fs';
import { expect, expectNoSeriousA11yViolations, logIn, screenshotEveryLocale, test } from './support/fixtures';

// Bad files cost the server next to nothing (refused before or at decoding), so these make no real analysis.

function describedBy(page: import('@playwright/test').Page, label: string | RegExp) {
  return page.getByLabel(label).evaluate((control) =>
    (control.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

test('refused_files_are_explained_next_to_the_field_and_nothing_typed_is_lost', async ({ page, member }) => {
  const empty = test.info().outputPath('empty.mp3');
  const text = test.info().outputPath('notes.mp3');
  writeFileSync(empty, '');
  writeFileSync(text, 'These are my notes, not a song.\n'.repeat(40));

  await logIn(page, member);
  await page.goto('/analyse');
  await page.getByRole('radio', { name: 'Dance', exact: true }).check();
  await page.getByLabel('Title (optional)').fill('My unreleased single');
  await page.getByLabel(/^Lyrics \(optional\)/).fill('words I wrote myself');

  // 0 bytes: refused at once, before any upload.
  await page.getByLabel('Audio file').setInputFiles(empty);
  await expect.poll(() => describedBy(page, 'Audio file')).toContain('This file is empty (0 bytes)');
  await expect(page.getByLabel('Audio file')).toHaveAttribute('aria-invalid', 'true');

  // A text file named .mp3: only the server can tell; it answers "not audio", shown next to the file.
  await page.getByLabel('Audio file').setInputFiles(text);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect.poll(() => describedBy(page, 'Audio file')).toContain('This file is not audio');
  await expect(page).toHaveURL(/\/analyse$/);
  await expect(page.getByLabel('Title (optional)')).toHaveValue('My unreleased single');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('words I wrote myself');
  await expect(page.getByRole('radio', { name: 'Dance', exact: true })).toBeChecked();
  await expectNoSeriousA11yViolations(page);
  // The app's own language switch keeps the chosen file (a reload would keep only the typed text).
  await screenshotEveryLocale(page, 'analyse-refused');

  // An over-long title: refused next to the title, the rest kept.
  await page.getByLabel('Title (optional)').fill('t'.repeat(201));
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page.getByLabel('Title (optional)')).toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => describedBy(page, 'Title (optional)')).toContain('Too long: at most 200 characters.');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('words I wrote myself');
});

test('an_ended_session_sends_to_sign_in_and_back_to_the_form_with_everything_in_it', async ({ page, member, media }) => {
  await logIn(page, member);
  await page.goto('/analyse');
  await page.getByRole('radio', { name: 'Ballad', exact: true }).check();
  await page.getByLabel('Audio file').setInputFiles(media.wav);
  await page.getByLabel('Title (optional)').fill('Written before the session ended');
  await page.getByLabel(/^Lyrics \(optional\)/).fill('every word kept');

  // The refresh cookie goes (as when the session is revoked or times out): the next renewal of the short-lived
  // access token is refused and the app asks to sign in again, remembering where the member was.
  await page.context().clearCookies();
  await expect(page).toHaveURL(/\/login\?next=%2Fanalyse/, { timeout: 30_000 });
  await page.getByLabel(/^(e-?mail|이메일)/i).fill(member.email);
  await page.getByLabel(/^(password|비밀번호)/i).first().fill(member.password);
  await page.getByRole('button', { name: /^(log ?in|로그인)$/i }).click();

  await expect(page).toHaveURL(/\/analyse$/);
  await expect(page.getByRole('radio', { name: 'Ballad', exact: true })).toBeChecked();
  await expect(page.getByTestId('chosen-audio')).toContainText(media.wav.split('/').pop() ?? '');
  await expect(page.getByLabel('Title (optional)')).toHaveValue('Written before the session ended');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('every word kept');
});

test('a_logout_forgets_the_unsent_form_so_the_next_person_at_the_screen_finds_nothing', async ({ page, member, media }) => {
  await logIn(page, member);
  await page.goto('/analyse');
  await page.getByRole('radio', { name: 'Dance', exact: true }).check();
  await page.getByLabel('Audio file').setInputFiles(media.wav);
  await page.getByLabel('Title (optional)').fill('Unreleased, not for the next person');
  await page.getByLabel(/^Lyrics \(optional\)/).fill('secret words');

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('hitter.analyse.draft'))).toBeNull();

  await logIn(page, member);
  await page.goto('/analyse');
  await expect(page.getByLabel('Title (optional)')).toHaveValue('');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Dance', exact: true })).not.toBeChecked();
});

test('a_connection_lost_mid_upload_is_said_above_the_form_and_nothing_typed_is_lost', async ({ page, member, media }) => {
  await logIn(page, member);
  await page.goto('/analyse');
  await page.getByRole('radio', { name: 'Pop', exact: true }).check();
  await page.getByLabel('Audio file').setInputFiles(media.mp3);
  await page.getByLabel('Title (optional)').fill('Sent over a bad line');
  await page.getByLabel(/^Lyrics \(optional\)/).fill('words that must survive');
  // The connection drops while the upload is under way (the browser, not the server, gives up).
  await page.route('**/api/v1/predictions', (route) =>
    route.request().method() === 'POST' ? route.abort('connectionreset') : route.fallback(),
  );
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The connection was lost' })).toBeVisible();
  await expect(page.getByLabel('Title (optional)')).toHaveValue('Sent over a bad line');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('words that must survive');
  await expect(page.getByTestId('chosen-audio')).toContainText(media.mp3.split('/').pop() ?? '');
  await expect(page.getByRole('button', { name: 'Analyse', exact: true })).toBeEnabled();
  await page.unroute('**/api/v1/predictions');
});

test('the_form_survives_a_reload_with_what_was_typed', async ({ page, member }) => {
  await logIn(page, member);
  await page.goto('/analyse');
  await page.getByLabel('Title (optional)').fill('Draft title');
  await page.getByLabel(/^Lyrics \(optional\)/).fill('draft words');
  await page.reload();
  await expect(page.getByLabel('Title (optional)')).toHaveValue('Draft title');
  await expect(page.getByLabel(/^Lyrics \(optional\)/)).toHaveValue('draft words');
});

test('the analysis screens fit a phone without sideways scrolling', { tag: '@phone' }, async ({ page, member }) => {
  await logIn(page, member);
  for (const path of ['/analyse', '/analyses', '/compare']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
