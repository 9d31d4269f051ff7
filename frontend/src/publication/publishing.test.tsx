import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { forgetAllTracks, holdTrack } from '../analysis/localAudio';
import { ResultPage } from '../analysis/result/ResultPage';
import { aPrediction, json, problem } from '../analysis/testData';
import type { PredictionView } from '../analysis/types';
import type { Member } from '../auth/session';
import { clearPublishFailure, recordPublishFailure } from './publishFailures';
import { ApiError } from '../api/problem';

const session = vi.hoisted(() => ({ member: undefined as Member | undefined }));
vi.mock('../auth/session', async (original) => {
  const actual = await original<typeof import('../auth/session')>();
  return {
    ...actual,
    useSession: () => ({
      status: session.member ? 'signedIn' : 'signedOut',
      member: session.member,
      logIn: vi.fn(),
      signUp: vi.fn(),
      logOut: vi.fn(),
    }),
  };
});

const ID = '11111111-1111-1111-1111-111111111111';
const PUBLISHED = { audio: true, lyrics: false, publishedAt: '2026-12-02T10:00:00Z', audioBytes: 1000, mediaType: 'audio/mpeg' };

function member(roles: string[]): Member {
  return { id: 'm', email: 'm@example.com', displayName: 'M', kind: 'producer', roles };
}

type Handler = (url: string, init: RequestInit | undefined) => Response | Promise<Response> | undefined;

/** The prediction (changing as the handlers say), and whatever else `handle` answers. */
function stubServer(view: PredictionView, handle: Handler = () => undefined) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const answer = await handle(url, init);
    if (answer) return answer;
    if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
    if (url.endsWith('/audio-ticket')) return json({ url: `/api/v1/predictions/${ID}/audio?ticket=t`, expiresAt: new Date(Date.now() + 600_000).toISOString() });
    if (url.startsWith('/api/v1/models/')) return problem(404, 'not-found');
    return json(view);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sent(fetchMock: ReturnType<typeof stubServer>, method: string, suffix: string) {
  return fetchMock.mock.calls.filter(([url, init]) => init?.method === method && String(url).endsWith(suffix));
}

function renderResult() {
  renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
}

function mp3(name = 'mix.mp3') {
  return new File([new Uint8Array([1, 2, 3])], name, { type: 'audio/mpeg' });
}

function describedText(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(() => {
  forgetAllTracks();
  clearPublishFailure(ID);
  session.member = member([]);
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:picture');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
});

describe('the owner publishes', () => {
  it('publishes_the_held_file_off_by_default_saying_who_will_hear_it', async () => {
    holdTrack(ID, { audio: mp3(), genre: 'POP', title: 'Night Drive', artist: '', lyrics: 'summer nights' });
    const fetchMock = stubServer(aPrediction({ publishable: true }), (url, init) =>
      init?.method === 'PUT' && url.endsWith('/publication') ? json(aPrediction({ shared: true, publication: { ...PUBLISHED, lyrics: true } })) : undefined,
    );
    renderResult();
    expect((await screen.findByTestId('publication-state')).textContent).toContain('Not published');
    fireEvent.click(screen.getByRole('button', { name: 'Publish the audio…' }));
    expect(screen.getByText(/lets every signed-in member listen to the track/)).toBeTruthy();
    expect(screen.getByTestId('publish-held').textContent).toContain('mix.mp3');
    const lyricsToo = screen.getByRole('checkbox', { name: 'Publish the lyrics too' }) as HTMLInputElement;
    expect(lyricsToo.checked).toBe(false);
    fireEvent.click(lyricsToo);
    fireEvent.click(screen.getByRole('button', { name: 'Publish on the leaderboard' }));

    expect(await screen.findByText('Published on the Pop leaderboard.')).toBeTruthy();
    const [put] = sent(fetchMock, 'PUT', `/api/v1/predictions/${ID}/publication`);
    const form = put?.[1]?.body as FormData;
    expect((form.get('audio') as File).name).toBe('mix.mp3');
    expect(form.get('lyrics')).toBe('summer nights');
    expect(screen.getByTestId('publication-state').textContent).toContain('listen to the track and read the lyrics');
  });

  it('asks_for_the_analysed_file_when_the_tab_holds_none_and_shows_a_mismatch_at_the_file', async () => {
    const fetchMock = stubServer(aPrediction({ publishable: true }), (url, init) =>
      init?.method === 'PUT' && url.endsWith('/publication')
        ? problem(422, 'publication-mismatch', { errors: [{ field: 'audio', detail: 'digest differs' }] })
        : undefined,
    );
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Publish the audio…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Publish on the leaderboard' }));
    const file = screen.getByLabelText('The audio file you analysed');
    // Nothing chosen: said at the field, nothing sent.
    expect(describedText(file)).toContain('Choose the audio file you analysed.');
    expect(sent(fetchMock, 'PUT', '/publication')).toHaveLength(0);

    fireEvent.change(file, { target: { files: [mp3('other-mix.mp3')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish on the leaderboard' }));
    await waitFor(() => expect(file.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(file)).toContain('This is not the file that was analysed. Choose the very same file');
    expect((sent(fetchMock, 'PUT', '/publication')[0]?.[1]?.body as FormData).get('audio')).toBeTruthy();
  });

  it('shows_a_lyrics_mismatch_at_the_lyrics', async () => {
    stubServer(aPrediction({ publishable: true }), (url, init) =>
      init?.method === 'PUT' && url.endsWith('/publication')
        ? problem(422, 'publication-mismatch', { errors: [{ field: 'lyrics', detail: 'lyrics differ' }] })
        : undefined,
    );
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Publish the audio…' }));
    fireEvent.change(screen.getByLabelText('The audio file you analysed'), { target: { files: [mp3()] } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Publish the lyrics too' }));
    const lyrics = screen.getByLabelText('The lyrics you analysed');
    fireEvent.change(lyrics, { target: { value: 'other words' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish on the leaderboard' }));
    await waitFor(() => expect(lyrics.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(lyrics)).toContain('These are not the lyrics that were analysed.');
  });

  it('says_why_a_quota_refusal_happened_in_plain_words', async () => {
    holdTrack(ID, { audio: mp3(), genre: 'POP', title: '', artist: '', lyrics: '' });
    stubServer(aPrediction({ publishable: true }), (url, init) =>
      init?.method === 'PUT' && url.endsWith('/publication') ? problem(409, 'publication-quota-exceeded', { detail: 'quota 200 MB' }) : undefined,
    );
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Publish the audio…' }));
    // No lyrics were analysed: there are none to publish.
    expect((screen.getByRole('checkbox', { name: 'Publish the lyrics too' }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Publish on the leaderboard' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You have published as much audio as allowed.');
  });

  it('unpublishes_with_a_delete_and_keeps_the_analysis_shared', async () => {
    let view = aPrediction({ shared: true, publication: PUBLISHED });
    const fetchMock = stubServer(view, (url, init) => {
      if (init?.method === 'DELETE' && url.endsWith('/publication')) {
        view = aPrediction({ shared: true, publication: null });
        return new Response(null, { status: 204 });
      }
      if (url === `/api/v1/predictions/${ID}`) return json(view);
      return undefined;
    });
    renderResult();
    expect((await screen.findByTestId('publication-state')).textContent).toContain('signed-in members can listen to the track');
    // Unsharing would unpublish too: the owner is told before choosing.
    expect(screen.getByTestId('share-state').textContent).toContain('Stopping sharing also unpublishes its audio and lyrics');
    fireEvent.click(screen.getByRole('button', { name: 'Unpublish' }));
    expect(await screen.findByText(/Unpublished: the audio and lyrics were deleted/)).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('publication-state').textContent).toContain('Not published'));
    expect(screen.getByTestId('share-state').textContent).not.toContain('Stopping sharing also unpublishes');
    expect(sent(fetchMock, 'DELETE', `/api/v1/predictions/${ID}/publication`)).toHaveLength(1);
  });

  it('says_what_failed_when_publishing_at_upload_failed_and_retries_with_the_held_file', async () => {
    holdTrack(ID, { audio: mp3(), genre: 'POP', title: '', artist: '', lyrics: 'summer nights' });
    recordPublishFailure(ID, new ApiError({ status: 409, kind: 'problem', type: 'publication-quota-exceeded' }));
    const fetchMock = stubServer(aPrediction({ publishable: true }), (url, init) =>
      init?.method === 'PUT' && url.endsWith('/publication') ? json(aPrediction({ shared: true, publication: { ...PUBLISHED, lyrics: true } })) : undefined,
    );
    renderResult();
    const failure = await screen.findByRole('alert');
    expect(within(failure).getByText('Your analysis is saved, but publishing it failed')).toBeTruthy();
    expect(within(failure).getByTestId('publish-failure').textContent).toContain('You have published as much audio as allowed.');
    fireEvent.click(within(failure).getByRole('button', { name: 'Try publishing again' }));
    expect(await screen.findByText('Published on the Pop leaderboard.')).toBeTruthy();
    expect(screen.queryByTestId('publish-failure')).toBeNull();
    expect((sent(fetchMock, 'PUT', '/publication')[0]?.[1]?.body as FormData).get('lyrics')).toBe('summer nights');
  });

  it('explains_that_an_old_analysis_cannot_be_published', async () => {
    stubServer(aPrediction({ publishable: false }));
    renderResult();
    expect(await screen.findByText(/made before HITTER recorded which file was analysed/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Publish the audio…' })).toBeNull();
  });

  it('plays_its_own_published_audio_when_the_tab_holds_no_copy', async () => {
    stubServer(aPrediction({ shared: true, publication: PUBLISHED }));
    renderResult();
    expect(await screen.findByTestId('published-player')).toBeTruthy();
  });
});

describe('moderation', () => {
  it('tells_the_owner_that_an_administrator_hid_the_entry_and_why', async () => {
    stubServer(aPrediction({ shared: true, publication: PUBLISHED, moderation: { state: 'HIDDEN', reason: 'Uses a sample without permission', moderatedAt: '2026-12-03T10:00:00Z' } }));
    renderResult();
    expect(await screen.findByText('An administrator hid this analysis from the leaderboard')).toBeTruthy();
    expect(screen.getByTestId('moderation-reason').textContent).toBe('Reason: Uses a sample without permission');
    // Hidden keeps the publication; a member sees no moderation controls.
    expect(screen.getByTestId('publication')).toBeTruthy();
    expect(screen.queryByTestId('moderation')).toBeNull();
  });

  it('offers_no_publishing_once_an_administrator_removed_the_entry', async () => {
    stubServer(aPrediction({ shared: true, moderation: { state: 'REMOVED', reason: 'Not theirs', moderatedAt: '2026-12-03T10:00:00Z' } }));
    renderResult();
    expect(await screen.findByText('An administrator removed this analysis from the leaderboard')).toBeTruthy();
    expect(screen.queryByTestId('publication')).toBeNull();
  });

  it('shows_the_moderation_controls_to_administrators_only', async () => {
    stubServer(aPrediction({ shared: true, ownedByMe: false }));
    const { unmount } = renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByTestId('moderation')).toBeNull();
    unmount();

    session.member = member(['MEMBER', 'ADMIN']);
    renderResult();
    expect(await screen.findByRole('heading', { name: 'Moderation (administrators)' })).toBeTruthy();
  });

  it('hides_with_a_required_reason_then_restores', async () => {
    session.member = member(['ADMIN']);
    let view = aPrediction({ shared: true, ownedByMe: false });
    const fetchMock = stubServer(view, (url, init) => {
      if (!url.endsWith('/moderation')) return url === `/api/v1/predictions/${ID}` ? json(view) : undefined;
      if (init?.method === 'PUT') {
        view = aPrediction({ shared: true, ownedByMe: false, moderation: { state: 'HIDDEN', reason: 'Spam', moderatedAt: '2026-12-03T10:00:00Z' } });
        return json(view);
      }
      view = aPrediction({ shared: true, ownedByMe: false });
      return new Response(null, { status: 204 });
    });
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Hide or remove…' }));
    expect((screen.getByRole('radio', { name: /^Hide it from the leaderboard/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    const reason = screen.getByLabelText('Reason (the owner reads it)');
    expect(describedText(reason)).toContain('Give a reason: the owner will read it.');
    expect(sent(fetchMock, 'PUT', '/moderation')).toHaveLength(0);

    fireEvent.change(reason, { target: { value: '  Spam ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hide' }));
    expect(await screen.findByTestId('moderation-state')).toBeTruthy();
    expect(screen.getByTestId('moderation-state').textContent).toContain('Reason: Spam');
    expect(JSON.parse(String(sent(fetchMock, 'PUT', `/api/v1/predictions/${ID}/moderation`)[0]?.[1]?.body))).toEqual({ state: 'HIDDEN', reason: 'Spam' });

    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('Restored: it is back on the leaderboard.')).toBeTruthy();
    expect(sent(fetchMock, 'DELETE', '/moderation')).toHaveLength(1);
  });
});
