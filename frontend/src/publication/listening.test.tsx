import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { forgetAllTracks } from '../analysis/localAudio';
import { ResultPage } from '../analysis/result/ResultPage';
import { aPrediction, json, problem } from '../analysis/testData';
import type { PredictionView } from '../analysis/types';

const ID = '11111111-1111-1111-1111-111111111111';
const TICKET = (n: number) => `/api/v1/predictions/${ID}/audio?ticket=t${n}`;

/** Someone else's shared analysis whose owner published the audio and lyrics. */
function othersPublished(over: Partial<PredictionView> = {}): PredictionView {
  return aPrediction({
    shared: true,
    ownedByMe: false,
    likes: 3,
    publication: { audio: true, lyrics: true, publishedAt: '2026-12-02T10:00:00Z', audioBytes: 900_000, mediaType: 'audio/mpeg' },
    moderation: null,
    ...over,
  });
}

/**
 * The server side of listening: `tickets` answers each POST …/audio-ticket in turn (a status, or 200 with a new
 * ticket); the lyrics and the prediction are fixed.
 */
function stubServer(view: PredictionView, tickets: number[]) {
  let issued = 0;
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
    if (url.endsWith('/audio-ticket') && init?.method === 'POST') {
      const status = tickets.shift() ?? 200;
      if (status !== 200) return problem(status, status === 404 ? 'not-found' : 'service-unavailable');
      issued += 1;
      return json({ url: TICKET(issued), expiresAt: new Date(Date.now() + 600_000).toISOString() });
    }
    if (url.endsWith('/lyrics')) return json({ text: 'We shine like the summer sun\n별빛 아래 함께 빛나' });
    if (url.startsWith('/api/v1/models/')) return problem(404, 'not-found');
    return json(view);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    ticketRequests: () => fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/audio-ticket')).length,
  };
}

let played: number;

beforeEach(() => {
  forgetAllTracks();
  played = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:picture');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    played += 1;
    this.dispatchEvent(new Event('play'));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event('pause'));
  });
});

function renderResult() {
  renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
}

async function openedPlayer() {
  const audio = (await screen.findByTestId('published-audio')) as HTMLAudioElement;
  await waitFor(() => expect(audio.getAttribute('src')).toBe(TICKET(1)));
  return audio;
}

describe('listening to a published track', () => {
  it('asks_for_a_ticket_when_the_player_opens_and_again_at_every_press_of_play', async () => {
    const server = stubServer(othersPublished(), []);
    renderResult();
    const audio = await openedPlayer();
    expect(server.ticketRequests()).toBe(1);
    // The ticket's address goes into <audio src>: the element cannot send the Authorization header.
    expect(audio.getAttribute('src')).toBe(TICKET(1));

    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(played).toBe(1));
    expect(server.ticketRequests()).toBe(2);
    // The address in use is still good: no reload of the media.
    expect(audio.getAttribute('src')).toBe(TICKET(1));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Play' }));
    await waitFor(() => expect(played).toBe(2));
    expect(server.ticketRequests()).toBe(3);
  });

  it('says_no_longer_available_when_a_press_of_play_gets_404', async () => {
    stubServer(othersPublished(), [200, 404]);
    renderResult();
    await openedPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    const gone = await screen.findByTestId('no-longer-available');
    expect(gone.closest('[role="alert"]')?.textContent).toContain('No longer available');
    expect(played).toBe(0);
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    // The scores stay.
    expect(screen.getByTestId('hit-gauge')).toBeTruthy();
  });

  it('says_no_longer_available_when_the_first_ticket_is_refused', async () => {
    stubServer(othersPublished(), [404]);
    renderResult();
    expect(await screen.findByTestId('no-longer-available')).toBeTruthy();
    expect(screen.queryByTestId('published-player')).toBeNull();
  });

  it('renews_the_ticket_once_after_a_media_error_and_resumes_where_it_was', async () => {
    const server = stubServer(othersPublished(), []);
    renderResult();
    const audio = await openedPlayer();
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(played).toBe(1));
    audio.currentTime = 42;
    fireEvent.error(audio);
    await waitFor(() => expect(audio.getAttribute('src')).toBe(TICKET(3)));
    expect(server.ticketRequests()).toBe(3);
    // The new address starts at 0; once its metadata is in, the element goes back to where it was.
    audio.currentTime = 0;
    fireEvent.loadedMetadata(audio);
    expect(audio.currentTime).toBe(42);
    await waitFor(() => expect(played).toBe(2));
  });

  it('says_no_longer_available_when_a_media_error_is_followed_by_404', async () => {
    stubServer(othersPublished(), [200, 404]);
    renderResult();
    const audio = await openedPlayer();
    fireEvent.error(audio);
    expect(await screen.findByTestId('no-longer-available')).toBeTruthy();
  });

  it('seeks_from_the_slider_the_heat_strip_and_the_top_segments_on_the_track_time_axis', async () => {
    stubServer(othersPublished(), []);
    renderResult();
    const audio = await openedPlayer();
    Object.defineProperty(audio, 'duration', { configurable: true, value: 180 });
    fireEvent.loadedMetadata(audio);

    const position = screen.getByRole('slider', { name: 'Position in the track' }) as HTMLInputElement;
    expect(position.disabled).toBe(false);
    fireEvent.change(position, { target: { value: '95' } });
    expect(audio.currentTime).toBe(95);
    expect(screen.getByTestId('position-text').textContent).toBe('1:35 / 3:00');
    expect(played).toBe(0); // The slider moves; it does not start playback.

    // The analysed segment starts 20 s into the track: the 3rd of 10 segments (3 s each) starts at 26 s.
    fireEvent.click(screen.getAllByTestId('heat-segment')[2]!);
    expect(audio.currentTime).toBe(26);
    await waitFor(() => expect(played).toBe(1));
    expect(screen.getByTestId('playhead').style.left).toBe(`${(6 / 30) * 100}%`);

    fireEvent.click(screen.getByRole('button', { name: /^1\. 0:26–0:29/ }));
    expect(audio.currentTime).toBe(26);
  });

  it('shows_the_published_lyrics_and_the_like_to_another_member', async () => {
    stubServer(othersPublished(), []);
    renderResult();
    expect((await screen.findByTestId('published-lyrics')).textContent).toBe('We shine like the summer sun\n별빛 아래 함께 빛나');
    expect(screen.getByRole('heading', { name: 'Lyrics' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Like “Night Drive” 3 likes' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('result-listen-badge')).toBeTruthy();
    // None of the owner's controls.
    expect(screen.queryByTestId('publication')).toBeNull();
    expect(screen.queryByTestId('moderation')).toBeNull();
  });

  it('says_the_audio_is_not_published_and_opens_no_player_when_it_is_not', async () => {
    const server = stubServer(othersPublished({ publication: null }), []);
    renderResult();
    expect(await screen.findByText('The owner has not published the audio of this track.')).toBeTruthy();
    expect(screen.queryByTestId('published-player')).toBeNull();
    expect(screen.queryByTestId('published-lyrics')).toBeNull();
    expect(server.ticketRequests()).toBe(0);
  });
});
