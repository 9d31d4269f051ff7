import { describe, expect, it, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { fakeXhr, json, problem, type XhrScript } from '../analysis/testData';
import { stubRoutes, type Route } from '../community/testData';
import type { Job, JobItem } from './api';
import { CataloguePage } from './CataloguePage';
import { JobPage } from './JobPage';
import { csvRows, manifestFromCsv, ManifestError } from './manifest';

configure({ asyncUtilTimeout: 6000 });

const JOB_ID = '44444444-4444-4444-4444-444444444444';
const LIST = /^\/api\/v1\/prediction-jobs\?page=0&size=20$/;
const ONE = new RegExp(`^/api/v1/prediction-jobs/${JOB_ID}$`);
const DELIVERIES = new RegExp(`^/api/v1/prediction-jobs/${JOB_ID}/webhook-deliveries$`);

function anItem(over: Partial<JobItem> = {}): JobItem {
  return { position: 0, file: 'first-love.wav', title: 'first-love', genre: 'BALLAD', state: 'QUEUED', attempts: 0, ...over };
}

function aJob(over: Partial<Job> = {}): Job {
  return {
    id: JOB_ID, state: 'RUNNING', createdAt: '2026-12-07T10:00:00Z', finishedAt: null, total: 2,
    progress: { queued: 2, running: 0, succeeded: 0, failed: 0, done: 0 },
    webhook: { url: 'https://label.example/hook', state: 'NONE', attempts: 0 },
    items: [anItem(), anItem({ position: 1, file: 'tonight.mp3', title: 'tonight' })],
    links: { self: `/api/v1/prediction-jobs/${JOB_ID}`, results: '', resultsCsv: '' },
    ...over,
  };
}

const finishedJob = () => aJob({
  state: 'COMPLETED', finishedAt: '2026-12-07T10:01:00Z',
  progress: { queued: 0, running: 0, succeeded: 1, failed: 1, done: 1 },
  webhook: { url: 'https://label.example/hook', state: 'DELIVERED', attempts: 1, lastStatus: 204 },
  items: [
    anItem({ state: 'SUCCEEDED', hitProbability: 0.734, audioProbability: 0.61, lyricsProbability: 0.8, predictionId: 'p-1', demonstration: true }),
    anItem({ position: 1, file: 'tonight.mp3', title: 'tonight', state: 'FAILED',
      problem: { type: 'https://hitter.dev/problems/audio-not-supported', reason: 'audio/not-audio', detail: 'not audio' } }),
  ],
});

function audio(name: string) {
  return new File([new Uint8Array(64)], name, { type: 'audio/wav' });
}

function withXhr(scripts: XhrScript[]) {
  const xhr = fakeXhr(scripts);
  vi.stubGlobal('XMLHttpRequest', xhr.FakeXhr);
  return xhr;
}

function renderCatalogue(routes: Route[], locale: 'en' | 'ko' = 'en') {
  const api = stubRoutes(routes);
  renderWithApp(<CataloguePage />, {
    path: '/catalogue', at: '/catalogue', locale,
    routes: [{ path: '/catalogue/jobs/:id', element: <JobPage /> }],
  });
  return api;
}

function renderJob(routes: Route[]) {
  const api = stubRoutes(routes);
  renderWithApp(<JobPage />, { path: '/catalogue/jobs/:id', at: `/catalogue/jobs/${JOB_ID}` });
  return api;
}

describe('the catalogue screen', () => {
  it('says_what_is_missing_before_sending_anything', async () => {
    const xhr = withXhr([]);
    renderCatalogue([['GET', LIST, () => json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })]]);
    expect(await screen.findByTestId('jobs-empty')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Webhook URL (optional)'), { target: { value: 'ftp://label.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the batch' }));
    expect(await screen.findByText('Choose at least one audio file.')).toBeTruthy();
    expect(screen.getByText('Choose the genre, or add a manifest.')).toBeTruthy();
    expect(screen.getByText('Enter a web address starting with http:// or https://.')).toBeTruthy();
    expect(xhr.sent).toHaveLength(0);
  });

  it('submits_many_tracks_with_lyrics_genre_and_webhook_as_one_job_and_shows_its_secret_once', async () => {
    const xhr = withXhr([{ progress: [[50, 100], [100, 100]], status: 202, body: { ...aJob(), webhookSecret: 'whsec-shown-once-0123456789' } }]);
    renderCatalogue([
      ['GET', LIST, () => json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })],
      ['GET', ONE, () => json(aJob())],
      ['GET', DELIVERIES, () => json({ items: [], state: 'NONE', nextAttemptAt: null })],
    ]);
    await screen.findByTestId('jobs-empty');
    fireEvent.change(screen.getByLabelText('Audio files'), { target: { files: [audio('first-love.wav'), audio('tonight.mp3')] } });
    expect(screen.getByText(/2 files chosen/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lyrics files (optional)'), { target: { files: [new File(['사랑'], 'first-love.txt', { type: 'text/plain' })] } });
    fireEvent.change(screen.getByLabelText('Genre of every track'), { target: { value: 'BALLAD' } });
    fireEvent.change(screen.getByLabelText('Webhook URL (optional)'), { target: { value: ' https://label.example/hook ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the batch' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Batch job' })).toBeTruthy();
    expect(screen.getByTestId('webhook-secret').textContent).toBe('whsec-shown-once-0123456789');
    expect(await screen.findByTestId('job-progress')).toHaveProperty('textContent', '0 of 2 finished: 0 scored, 0 failed, 2 waiting, 0 being scored.');
    expect(xhr.sent).toHaveLength(1);
    const form = xhr.sent[0]!.body;
    expect(xhr.sent[0]!.url).toBe('/api/v1/prediction-jobs');
    expect(form.getAll('files').map((file) => (file as File).name)).toEqual(['first-love.wav', 'tonight.mp3', 'first-love.txt']);
    expect(form.get('genre')).toBe('BALLAD');
    expect(form.get('webhookUrl')).toBe('https://label.example/hook');
    expect(form.get('manifest')).toBeNull();
  });

  it('turns_a_csv_manifest_into_the_json_manifest_and_sends_no_genre', async () => {
    const xhr = withXhr([{ status: 202, body: aJob() }]);
    renderCatalogue([
      ['GET', LIST, () => json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })],
      ['GET', ONE, () => json(aJob())],
      ['GET', DELIVERIES, () => json({ items: [], state: 'NONE' })],
    ]);
    await screen.findByTestId('jobs-empty');
    fireEvent.change(screen.getByLabelText('Audio files'), { target: { files: [audio('01.wav')] } });
    const csv = '\uFEFFfile,genre,title,artist\r\n01.wav,ballad,"첫사랑, 다시",HITTER Band\r\n';
    fireEvent.change(screen.getByLabelText('Manifest (optional)'), { target: { files: [new File([csv], 'catalogue.csv', { type: 'text/csv' })] } });
    expect((screen.getByLabelText('Genre of every track') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Submit the batch' }));
    await waitFor(() => expect(xhr.sent).toHaveLength(1));
    const form = xhr.sent[0]!.body;
    expect(JSON.parse(form.get('manifest') as string)).toEqual([{ file: '01.wav', genre: 'BALLAD', title: '첫사랑, 다시', artist: 'HITTER Band' }]);
    expect(form.get('genre')).toBeNull();
  });

  it('names_the_field_the_server_refused', async () => {
    withXhr([{ status: 400, body: {
      type: 'https://hitter.dev/problems/validation-failed', status: 400,
      errors: [{ field: 'files[1]', detail: 'lyrics.txt matches no audio file by name' }],
    } }, { status: 422, body: { type: 'https://hitter.dev/problems/webhook-url-refused', status: 422 } }]);
    renderCatalogue([['GET', LIST, () => json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 })]]);
    await screen.findByTestId('jobs-empty');
    fireEvent.change(screen.getByLabelText('Audio files'), { target: { files: [audio('a.wav')] } });
    fireEvent.change(screen.getByLabelText('Lyrics files (optional)'), { target: { files: [new File(['x'], 'lyrics.txt')] } });
    fireEvent.change(screen.getByLabelText('Genre of every track'), { target: { value: 'POP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit the batch' }));
    const lyrics = screen.getByLabelText('Lyrics files (optional)');
    await waitFor(() => expect(lyrics.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('lyrics.txt matches no audio file by name')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Submit the batch' }));
    expect(await screen.findByText(/This webhook address is not allowed/)).toBeTruthy();
  });

  it('lists_earlier_jobs_and_loads_more', async () => {
    const job = (id: string, createdAt: string) => aJob({ id, createdAt, items: undefined });
    renderCatalogue([
      ['GET', LIST, () => json({ items: [job('j1', '2026-12-07T10:00:00Z')], page: 0, size: 20, totalItems: 21, totalPages: 2 })],
      ['GET', /^\/api\/v1\/prediction-jobs\?page=1&size=20$/, () => json({ items: [job('j0', '2026-12-01T10:00:00Z')], page: 1, size: 20, totalItems: 21, totalPages: 2 })],
    ]);
    expect(await screen.findAllByTestId('job-row')).toHaveLength(1);
    expect(within(screen.getByTestId('job-row')).getByRole('link').getAttribute('href')).toBe('/catalogue/jobs/j1');
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(screen.getAllByTestId('job-row')).toHaveLength(2));
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });
});

describe('a batch job', () => {
  it('is_followed_until_it_ends_and_shows_each_tracks_result', async () => {
    let asked = 0;
    renderJob([
      ['GET', ONE, () => json(++asked < 2 ? aJob() : finishedJob())],
      ['GET', DELIVERIES, () => json(asked < 2 ? { items: [], state: 'NONE' } : { state: 'DELIVERED', items: [
        { deliveryId: JOB_ID, attempt: 1, attemptedAt: '2026-12-07T10:01:00Z', status: 204, outcome: 'DELIVERED', durationMs: 20, redelivery: false },
      ] })],
    ]);
    expect(await screen.findByTestId('job-state')).toHaveProperty('textContent', 'Running');
    // Polled: the job ends without a reload.
    await waitFor(() => expect(screen.getByTestId('job-state').textContent).toBe('Completed'), { timeout: 6000 });
    const rows = screen.getAllByTestId('result-row');
    expect(within(rows[0]!).getByTestId('result-probability').textContent).toContain('73%');
    expect(within(rows[0]!).getByRole('link', { name: 'first-love' }).getAttribute('href')).toBe('/analyses/p-1');
    expect(within(rows[0]!).getByText('demonstration model')).toBeTruthy();
    expect(within(rows[1]!).getByTestId('result-state').textContent).toBe('Failed');
    expect(within(rows[1]!).getByText('This file is not audio (or it is empty).')).toBeTruthy();
    // The webhook log follows the job's webhook without a reload.
    expect(await screen.findByTestId('delivery-row')).toBeTruthy();
    expect(screen.getByTestId('webhook-state').textContent).toBe('Delivered');
  });

  it('downloads_the_results_csv_through_the_api_with_the_token', async () => {
    const api = renderJob([
      ['GET', ONE, () => json(finishedJob())],
      ['GET', DELIVERIES, () => json({ items: [], state: 'DELIVERED' })],
      ['GET', new RegExp(`^/api/v1/prediction-jobs/${JOB_ID}/results.csv$`), () => new Response('position,file\n', { headers: { 'Content-Type': 'text/csv' } })],
    ]);
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.getAttribute('href')).toBe('blob:csv');
      expect(this.download).toBe(`prediction-job-${JOB_ID}.csv`);
    });
    fireEvent.click(await screen.findByTestId('download-csv'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(create).toHaveBeenCalledTimes(1);
    const csvCall = api.fetchMock.mock.calls.find(([input]) => String(input).endsWith('/results.csv'));
    expect(new Headers(csvCall?.[1]?.headers).get('Accept')).toBe('text/csv');
  });

  it('shows_the_webhook_delivery_log_and_sends_it_again', async () => {
    let redelivered = false;
    const api = renderJob([
      ['GET', ONE, () => json(finishedJob())],
      ['GET', DELIVERIES, () => json({
        state: 'DELIVERED', nextAttemptAt: null,
        items: [
          { deliveryId: JOB_ID, attempt: 1, attemptedAt: '2026-12-07T10:01:00Z', status: 503, outcome: 'FAILED', error: 'HTTP 503: the receiver failed', durationMs: 120, redelivery: false },
          { deliveryId: JOB_ID, attempt: 2, attemptedAt: '2026-12-07T10:01:10Z', status: 204, outcome: 'DELIVERED', error: null, durationMs: 35, redelivery: false },
          ...(redelivered ? [{ deliveryId: JOB_ID, attempt: 3, attemptedAt: '2026-12-07T10:05:00Z', status: 204, outcome: 'DELIVERED', durationMs: 30, redelivery: true }] : []),
        ],
      })],
      ['POST', DELIVERIES, () => {
        redelivered = true;
        return new Response(null, { status: 202 });
      }],
    ]);
    const rows = await screen.findAllByTestId('delivery-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('HTTP 503: the receiver failed')).toBeTruthy();
    expect(rows[1]!.getAttribute('data-outcome')).toBe('DELIVERED');
    expect(screen.getByTestId('webhook-state').textContent).toBe('Delivered');
    fireEvent.click(screen.getByRole('button', { name: 'Send again' }));
    expect(await screen.findByText('The webhook will be sent again.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('delivery-row')).toHaveLength(3));
    expect(within(screen.getAllByTestId('delivery-row')[2]!).getByText('sent again on request')).toBeTruthy();
    expect(api.calls().filter(([method]) => method === 'POST')).toEqual([['POST', `/api/v1/prediction-jobs/${JOB_ID}/webhook-deliveries`, undefined]]);
  });

  it('explains_in_korean_that_a_running_jobs_webhook_cannot_be_sent_again_yet', async () => {
    stubRoutes([
      ['GET', ONE, () => json(finishedJob())],
      ['GET', DELIVERIES, () => json({ items: [], state: 'NONE' })],
      ['POST', DELIVERIES, () => problem(409, 'job-not-ended')],
    ]);
    renderWithApp(<JobPage />, { path: '/catalogue/jobs/:id', at: `/catalogue/jobs/${JOB_ID}`, locale: 'ko' });
    fireEvent.click(await screen.findByRole('button', { name: '다시 보내기' }));
    expect(await screen.findByText('작업이 아직 끝나지 않았습니다. 웹훅은 작업이 끝나면 보내집니다.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: '일괄 작업' })).toBeTruthy();
  });
});

describe('a csv manifest', () => {
  it('reads_quoted_cells_with_commas_quotes_and_line_breaks', () => {
    expect(csvRows('a,b\n"x, y","say ""hi""\nagain"\n\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"\nagain']]);
  });

  it('leaves_out_empty_cells_and_refuses_unknown_columns_or_a_missing_file_column', () => {
    expect(manifestFromCsv('File,Genre,lyricsFile\na.mp3,pop,\n')).toEqual([{ file: 'a.mp3', genre: 'POP' }]);
    expect(() => manifestFromCsv('file,mood\na.mp3,sad\n')).toThrow(ManifestError);
    expect(() => manifestFromCsv('title\nSong\n')).toThrow(/noFileColumn/);
    expect(() => manifestFromCsv('file\n')).toThrow(/empty/);
    expect(() => manifestFromCsv('file\n"a.mp3\n')).toThrow(/unclosedQuote/);
  });
});
