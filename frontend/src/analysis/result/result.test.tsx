import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../../test-utils';
import { forgetAllTracks, holdTrack } from '../localAudio';
import { aPrediction, json, problem, segmentsOf } from '../testData';
import { HitGauge } from './HitGauge';
import { ResultPage } from './ResultPage';
import { SegmentTimeline } from './SegmentTimeline';
import { WordChips } from './WordChips';

const ID = '11111111-1111-1111-1111-111111111111';

function stubApi(view = aPrediction(), status = 200) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, _init?: RequestInit) => {
    const url = String(input);
    if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200, headers: { 'Content-Type': 'image/png' } });
    if (status === 404) return problem(404, 'not-found');
    if (url.startsWith('/api/v1/predictions/')) return json(view, status);
    return problem(404, 'not-found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderResult() {
  renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}`, routes: [{ path: '/analyses', element: <p>my list</p> }] });
}

beforeEach(() => {
  forgetAllTracks();
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:picture');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

describe('the gauge', () => {
  it('says the probability and its band in words, not only as a picture', () => {
    renderWithApp(<HitGauge probability={0.734} />);
    expect(screen.getByRole('img', { name: 'Hit probability 73% (high)' })).toBeTruthy();
  });
});

describe('the timeline', () => {
  it('puts segments and top segments at their track time from the real segment start', () => {
    const audio = { score: 0.5, segmentStartSeconds: 7.5, segments: segmentsOf([0.2, -0.4, 0.1]), topSegments: [{ fromSeconds: 15, toSeconds: 18, contribution: 1 }] };
    renderWithApp(<SegmentTimeline audio={audio} />);
    const rects = screen.getAllByTestId('heat-segment');
    const xs = rects.map((r) => Number(r.getAttribute('x')));
    expect(xs[0]).toBe(0);
    expect(xs[1]).toBeCloseTo(1000 / 3);
    expect(xs[2]).toBeCloseTo(2000 / 3);
    expect(rects.map((r) => r.getAttribute('data-intensity'))).toEqual(['0.500', '-1.000', '0.250']);
    expect(screen.getByTestId('top-marker').style.left).toBe('50%');
    // 7.5 s + 15 s into the track, not 20 s + 15 s.
    expect(screen.getByTestId('top-segment').textContent).toBe('1. 0:22–0:25');
    expect(screen.getByText(/Seconds 0:07–0:37 of your track/)).toBeTruthy();
  });

  it('shows all-zero contributions as neutral', () => {
    const audio = { score: 0.5, segmentStartSeconds: 0, segments: segmentsOf([0, 0, 0]), topSegments: [] };
    renderWithApp(<SegmentTimeline audio={audio} />);
    expect(screen.getAllByTestId('heat-segment').map((r) => r.getAttribute('fill'))).toEqual(Array(3).fill('rgba(0, 0, 0, 0)'));
  });

  it('is no slider without a player, and a seekable one with it: clicks and keys seek in track time', () => {
    const audio = { score: 0.5, segmentStartSeconds: 42, segments: segmentsOf([0.1, 0.2, 0.3]), topSegments: [{ fromSeconds: 3, toSeconds: 6, contribution: 1 }] };
    const { unmount } = renderWithApp(<SegmentTimeline audio={audio} />);
    expect(screen.queryByRole('slider')).toBeNull();
    unmount();

    const seek = vi.fn();
    renderWithApp(<SegmentTimeline audio={audio} player={{ currentTime: 50, seek }} />);
    const slider = screen.getByRole('slider', { name: 'Position in your track' });
    expect(slider.getAttribute('aria-valuemin')).toBe('42');
    expect(slider.getAttribute('aria-valuemax')).toBe('72');
    expect(slider.getAttribute('aria-valuetext')).toBe('0:50');
    expect(screen.getByTestId('playhead').style.left).toBe(`${((50 - 42) / 30) * 100}%`);

    fireEvent.click(screen.getByRole('button', { name: /1\. 0:45–0:48/ }));
    expect(seek).toHaveBeenLastCalledWith(45);
    fireEvent.click(screen.getAllByTestId('heat-segment')[2]!);
    expect(seek).toHaveBeenLastCalledWith(62);
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(seek).toHaveBeenLastCalledWith(51);
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(seek).toHaveBeenLastCalledWith(42);
  });
});

describe('the word chips', () => {
  it('names what each word did in text, not only in colour', () => {
    renderWithApp(<WordChips lyrics={aPrediction().lyrics} maxAbs={0.4} />);
    const up = screen.getByTestId('chip-up');
    expect(up.textContent).toContain('summer');
    expect(up.textContent).toContain('×3');
    expect(up.textContent).toContain('+0.40');
    expect(up.textContent).toContain('raised the score');
    expect(screen.getByTestId('chip-down').textContent).toContain('-0.20');
    expect(screen.getByTestId('chip-down').textContent).toContain('lowered the score');
  });

  it('colours each chip on the scale it is given, the heat strip’s', () => {
    renderWithApp(<WordChips lyrics={aPrediction().lyrics} maxAbs={0.8} />);
    expect(screen.getByTestId('chip-up').getAttribute('data-intensity')).toBe('0.500');
    expect(screen.getByTestId('chip-down').getAttribute('data-intensity')).toBe('-0.250');
    const swatches = screen.getAllByTestId('chip-heat').map((s) => s.style.background);
    expect(swatches[0]).toBe('rgba(220, 72, 38, 0.5)');
  });

  it('shows the unknown words as one item with their share, not hidden', () => {
    renderWithApp(<WordChips lyrics={aPrediction().lyrics} maxAbs={0.4} />);
    const unknown = screen.getByTestId('chip-unknown');
    expect(unknown.textContent).toContain('unknown words (4)');
    expect(unknown.textContent).toContain('-0.030');
    expect(unknown.textContent).toContain('lowered the score');
    expect(unknown.getAttribute('data-intensity')).toBe('-0.075');
    expect(screen.queryByText(/did not count/)).toBeNull();
  });

  it('keeps an older analysis’s words uncoloured, their unknown share unrecorded', () => {
    const { unknownContribution: _, ...older } = aPrediction().lyrics;
    renderWithApp(<WordChips lyrics={older} />);
    expect(screen.queryByTestId('chip-unknown')).toBeNull();
    expect(screen.queryByTestId('chip-heat')).toBeNull();
    expect(screen.getByTestId('chip-up').getAttribute('data-intensity')).toBeNull();
    expect(screen.getByText('4 words are unknown to the model: it read each as the one “unknown word” token.')).toBeTruthy();
  });

  it('says so when there are no words', () => {
    renderWithApp(<WordChips lyrics={{ score: 0.5, raised: [], lowered: [], unknownTokens: 0, truncated: false }} />);
    expect(screen.getByText(/No known words to show/)).toBeTruthy();
  });
});

describe('the result page', () => {
  it('shows the analysis with its spectrogram fetched with the token as an object URL', async () => {
    const fetchMock = stubApi();
    renderResult();
    expect(await screen.findByRole('heading', { level: 1, name: 'Night Drive' })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('spectrogram').getAttribute('src')).toBe('blob:picture'));
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(`/api/v1/predictions/${ID}/spectrogram.png`);
    expect(screen.getByText('Higher than 64% of earlier Pop analyses.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the app not-found page when the API answers 404 (another member’s private analysis)', async () => {
    stubApi(aPrediction(), 404);
    renderResult();
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
  });

  it('puts a demonstration notice nobody can miss at the top', async () => {
    const demo = { modelId: 'pop-audio-demo', version: 'v0', demonstration: true, notice: 'demonstration model trained on synthetic data', trainingData: null };
    stubApi(aPrediction({ model: { audio: demo, lyrics: { ...demo, modelId: 'pop-lyrics-demo' } } }));
    renderResult();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Demonstration model — not a real prediction');
    expect(alert.textContent).toContain('demonstration model trained on synthetic data');
    // First thing in the result.
    expect(screen.getByTestId('result').firstElementChild).toBe(alert);
  });

  it('renders a title and words with markup or javascript: links as plain text', async () => {
    stubApi(
      aPrediction({
        title: '<script>alert(1)</script>',
        artist: 'javascript:alert(2)',
        lyrics: { score: 0.5, raised: [{ word: '<img src=x onerror=alert(3)>', contribution: 1, occurrences: 1 }], lowered: [], unknownTokens: 0, truncated: false },
      }),
    );
    renderResult();
    expect(await screen.findByRole('heading', { level: 1, name: '<script>alert(1)</script>' })).toBeTruthy();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('img[src=x]')).toBeNull();
    expect(screen.getByTestId('result-artist').textContent).toBe('javascript:alert(2)');
    expect(document.querySelector('a[href^="javascript:"]')).toBeNull();
  });

  it('plays the member’s own file while this tab holds it, and says so when the format cannot play', async () => {
    stubApi();
    const canPlay = vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
    holdTrack(ID, { audio: new File(['x'], 'mix.mp3', { type: 'audio/mpeg' }), genre: 'POP', title: '', artist: '', lyrics: '' });
    const { unmount } = renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
    expect(await screen.findByTestId('own-audio')).toBeTruthy();
    expect(screen.getByRole('slider')).toBeTruthy();
    expect(screen.getByTestId('analyse-again').getAttribute('href')).toBe(`/analyse?again=${ID}`);
    unmount();

    canPlay.mockReturnValue('');
    holdTrack(ID, { audio: new File(['x'], 'mix.aiff', { type: 'audio/aiff' }), genre: 'POP', title: '', artist: '', lyrics: '' });
    renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
    expect((await screen.findByTestId('unplayable')).textContent).toContain('cannot play mix.aiff');
    // The rest still shows.
    expect(screen.getByTestId('hit-gauge')).toBeTruthy();
    expect(screen.getAllByTestId('heat-segment').length).toBe(10);
    expect(screen.queryByRole('slider')).toBeNull();
  });

  it('offers no playback or "analyse again" when the tab does not hold the file', async () => {
    stubApi();
    renderResult();
    expect(await screen.findByText(/Right after an analysis your own file plays here/)).toBeTruthy();
    expect(screen.queryByTestId('analyse-again')).toBeNull();
  });

  it('offers another member looking at a shared analysis none of the owner’s actions', async () => {
    stubApi(aPrediction({ shared: true, ownedByMe: false }));
    renderResult();
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Share' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop sharing' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Rename' })).toBeNull();
  });

  it('shares with a PATCH of only the shared flag and says it is shared', async () => {
    const fetchMock = stubApi();
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
      if (init?.method === 'PATCH') return json(aPrediction({ shared: true }));
      return json(aPrediction());
    });
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Share' }));
    expect(await screen.findByRole('button', { name: 'Stop sharing' })).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ shared: true });
    expect(screen.getByTestId('share-state').textContent).toContain('Shared: every member can see it');
  });

  it('deletes only after a confirmation, then goes back to the list', async () => {
    const fetchMock = stubApi();
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
      if (init?.method === 'DELETE') return new Response(null, { status: 204 });
      return json(aPrediction());
    });
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    const confirm = screen.getByRole('region', { name: /Delete “Night Drive” for good\?/ });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete for good' }));
    expect(await screen.findByText('my list')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === 'DELETE' && String(url) === `/api/v1/predictions/${ID}`)).toBe(true);
  });

  it('renames title and artist with one PATCH of both, trimmed', async () => {
    const fetchMock = stubApi();
    fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
      if (init?.method === 'PATCH') return json(aPrediction({ title: 'Night Drive (mix B)', artist: 'Min-ji' }));
      return json(aPrediction());
    });
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    fireEvent.change(screen.getByLabelText('New title'), { target: { value: 'Night Drive (mix B) ' } });
    fireEvent.change(screen.getByLabelText('New artist'), { target: { value: '  Min-ji' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Renamed.')).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ title: 'Night Drive (mix B)', artist: 'Min-ji' });
  });

  it('refuses an over-long new title next to the field', async () => {
    stubApi();
    renderResult();
    fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByLabelText('New title');
    fireEvent.change(field, { target: { value: 'y'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById((field.getAttribute('aria-describedby') ?? '').split(' ')[0]!)?.textContent).toBe(
      'Too long: at most 200 characters.',
    );
  });

  it('quotes the model card’s held-out result only when the same models scored this analysis', async () => {
    const description = (modelId: string) => ({
      modelId,
      version: 'v1',
      kind: 'AUDIO',
      demonstration: false,
      notice: null,
      trainedOn: { source: 'melon', dataset: 'd', songs: 1200, hits: 300 },
      heldOut: { songs: 180, hits: 45, auc: 0.81, accuracy: 0.8 },
    });
    for (const [audioId, shown] of [['pop-audio-1', true], ['pop-audio-2', false]] as const) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async (input: RequestInfo | URL) => {
          const url = String(input);
          if (url === '/api/v1/models/POP') {
            return json({ genre: 'POP', version: 'v1', demonstration: false, audio: description(audioId), lyrics: description('pop-lyrics-1') });
          }
          if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
          return json(aPrediction());
        }),
      );
      const { unmount } = renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}` });
      await screen.findByRole('heading', { level: 1, name: 'Night Drive' });
      // The lyrics card matches in both rounds; the audio card only in the first.
      await waitFor(() => expect(screen.getAllByTestId('held-out')).toHaveLength(shown ? 2 : 1));
      expect(screen.getAllByTestId('held-out')[0]?.textContent).toContain('AUC of 0.81');
      unmount();
    }
  });
});

describe('explanations in one currency', () => {
  it('colours the strip and the chips on one scale: a word twice as strong as any moment is the full colour', async () => {
    const view = aPrediction();
    stubApi(aPrediction({ lyrics: { ...view.lyrics, raised: [{ word: 'summer', contribution: 0.8, occurrences: 3 }] } }));
    renderResult();
    await screen.findByRole('heading', { level: 1, name: 'Night Drive' });
    expect(screen.getByTestId('chip-up').getAttribute('data-intensity')).toBe('1.000');
    // The strongest moment (0.4) is half of it, where alone it would be the full colour.
    const strongest = Math.max(...screen.getAllByTestId('heat-segment').map((r) => Number(r.getAttribute('data-intensity'))));
    expect(strongest).toBe(0.5);
  });

  it('adds the baseline, the audio, the words and the unknown words up to the hit score', async () => {
    stubApi();
    renderResult();
    const ledger = await screen.findByTestId('ledger');
    expect(within(ledger).getByTestId('ledger-bias').textContent).toBe('-0.025');
    expect(within(ledger).getByTestId('ledger-audio').textContent).toBe('+0.80');
    expect(within(ledger).getByTestId('ledger-words').textContent).toBe('+0.25');
    expect(within(ledger).getByTestId('ledger-unknown').textContent).toBe('-0.030');
    expect(within(ledger).queryByTestId('ledger-residual')).toBeNull();
    expect(within(ledger).getByTestId('ledger-total').textContent).toBe('0.99 (logit) = 73%');
    expect(within(ledger).getByText("Baseline (the models' bias)")).toBeTruthy();
  });

  it('shows a residual the models do not attribute, when there is one', async () => {
    stubApi(aPrediction({ logit: { value: 0.9946, bias: -0.0254, audio: 0.8, words: 0.2, unknownWords: -0.03, residual: 0.05 } }));
    renderResult();
    expect((await screen.findByTestId('ledger-residual')).textContent).toBe('+0.050');
  });

  it('shows an analysis kept before one currency as it was, and says its scales differ', async () => {
    const view = aPrediction();
    const { unknownContribution: _, ...lyrics } = view.lyrics;
    stubApi({ ...view, lyrics, logit: undefined });
    renderResult();
    expect((await screen.findByTestId('ledger-older')).textContent).toContain('before audio and words were measured in one currency');
    expect(screen.queryByTestId('ledger')).toBeNull();
    expect(screen.queryByTestId('chip-unknown')).toBeNull();
    // The strip is on its own scale again: its strongest moment is the full colour.
    const strongest = Math.max(...screen.getAllByTestId('heat-segment').map((r) => Math.abs(Number(r.getAttribute('data-intensity')))));
    expect(strongest).toBe(1);
  });

  it('says it in Korean too', async () => {
    stubApi();
    renderWithApp(<ResultPage />, { path: '/analyses/:id', at: `/analyses/${ID}`, locale: 'ko' });
    const ledger = await screen.findByTestId('ledger');
    expect(within(ledger).getByText('기준값 (모델의 절편)')).toBeTruthy();
    expect(screen.getByTestId('chip-unknown').textContent).toContain('모르는 단어 (4개)');
  });
});
