import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../../test-utils';
import { forgetAllTracks, heldTrack, holdTrack } from '../localAudio';
import { aPrediction, fakeXhr, type XhrScript } from '../testData';
import { AnalysePage } from './AnalysePage';
import { clearDraft } from './draft';
import { usePublishFailure } from '../../publication/publishFailures';
import { isApiError } from '../../api/problem';

function audioFile(name = 'mix.mp3', bytes = 2048, type = 'audio/mpeg') {
  return new File([new Uint8Array(bytes)], name, { type });
}

function renderPage(scripts: XhrScript[] = []) {
  const xhr = fakeXhr(scripts);
  vi.stubGlobal('XMLHttpRequest', xhr.FakeXhr);
  renderWithApp(<AnalysePage />, {
    path: '/analyse',
    at: '/analyse',
    routes: [{ path: '/analyses/:id', element: <p>the result page</p> }],
  });
  return xhr;
}

function fill({ genre = 'Pop', file = audioFile(), title = 'Night Drive', lyrics = 'summer nights' } = {}) {
  fireEvent.click(screen.getByLabelText(genre));
  fireEvent.change(screen.getByLabelText('Audio file'), { target: { files: [file] } });
  fireEvent.change(screen.getByLabelText('Title (optional)'), { target: { value: title } });
  fireEvent.change(screen.getByLabelText('Lyrics (optional)'), { target: { value: lyrics } });
}

function describedText(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(() => {
  clearDraft();
  forgetAllTracks();
});
afterEach(() => clearDraft());

describe('the analyse form', () => {
  it('asks for a genre and a file before sending anything', () => {
    const xhr = renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(screen.getByText('Choose a genre.')).toBeTruthy();
    expect(describedText(screen.getByLabelText('Audio file'))).toContain('Choose an audio file.');
    expect(xhr.sent).toHaveLength(0);
  });

  it('refuses a 0-byte file as soon as it is chosen', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Audio file'), { target: { files: [audioFile('empty.mp3', 0)] } });
    expect(describedText(screen.getByLabelText('Audio file'))).toContain('This file is empty (0 bytes)');
  });

  it('refuses an over-long title next to the title, without uploading', () => {
    const xhr = renderPage();
    fill({ title: 'x'.repeat(201) });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    const title = screen.getByLabelText('Title (optional)');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(title)).toContain('Too long: at most 200 characters.');
    expect(xhr.sent).toHaveLength(0);
  });

  it('explains a text file named .mp3 next to the audio field and keeps the title and lyrics', async () => {
    renderPage([
      {
        status: 415,
        body: {
          type: 'https://hitter.dev/problems/audio-not-supported',
          status: 415,
          reason: 'audio/not-audio',
          errors: [{ field: 'audio', detail: 'The file is not audio.' }],
        },
      },
    ]);
    fill({ file: audioFile('notes.mp3', 30, 'audio/mpeg'), title: 'Fake', lyrics: 'my own words' });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));

    const audio = screen.getByLabelText('Audio file');
    await waitFor(() => expect(audio.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(audio)).toContain('This file is not audio');
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Fake');
    expect((screen.getByLabelText('Lyrics (optional)') as HTMLTextAreaElement).value).toBe('my own words');
    expect((screen.getByLabelText('Pop') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('chosen-audio').textContent).toContain('notes.mp3');
  });

  it('says a lost connection above the form, keeps everything, and the retry goes through', async () => {
    const view = aPrediction({ id: 'abc' });
    const xhr = renderPage([{ networkError: true }, { status: 201, body: view }]);
    fill({ title: 'Night Drive', lyrics: 'summer nights' });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));

    expect(await screen.findByText(/The connection was lost/)).toBeTruthy();
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Night Drive');
    expect((screen.getByLabelText('Lyrics (optional)') as HTMLTextAreaElement).value).toBe('summer nights');

    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(await screen.findByText('the result page')).toBeTruthy();
    expect(xhr.sent).toHaveLength(2);
    const form = xhr.sent[1]!.body;
    expect(form.get('genre')).toBe('POP');
    expect(form.get('title')).toBe('Night Drive');
    expect(form.get('lyrics')).toBe('summer nights');
    expect((form.get('audio') as File).name).toBe('mix.mp3');
    // The browser keeps the file for playback and "analyse again".
    expect(heldTrack('abc')?.audio.name).toBe('mix.mp3');
  });

  it('keeps what was typed when the page goes away and comes back (a lapsed session signs in again)', () => {
    renderPage();
    fill({ title: 'Kept', lyrics: 'kept words' });
    // A new page instance, as after the sign-in round trip.
    document.body.innerHTML = '';
    renderPage();
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Kept');
    expect((screen.getByLabelText('Lyrics (optional)') as HTMLTextAreaElement).value).toBe('kept words');
    expect(screen.getByTestId('chosen-audio').textContent).toContain('mix.mp3');
  });

  it('shows the bytes sent, then that it is analysing', async () => {
    renderPage([{ progress: [[512, 2048]], status: 503, body: { type: 'https://hitter.dev/problems/analyses-busy', status: 503 } }]);
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    const progress = await screen.findByRole('progressbar');
    await waitFor(() => expect(progress.getAttribute('value')).toBe('512'));
    expect(progress.getAttribute('max')).toBe('2048');
    expect(await screen.findByText(/All analysis places are busy/)).toBeTruthy();
  });

  it('reads attached lyrics into the text box', async () => {
    renderPage();
    const lrc = new File(['[00:01.00]first line\n[00:02.00]second line'], 'song.lrc', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Attach lyrics (.txt or .lrc)'), { target: { files: [lrc] } });
    await waitFor(() =>
      expect((screen.getByLabelText(/Lyrics \(optional\)/) as HTMLTextAreaElement).value).toContain('first line'),
    );
    expect(screen.getByText(/Read from song.lrc/)).toBeTruthy();
  });

  it('refuses a lyrics file that is not .txt or .lrc', () => {
    renderPage();
    fireEvent.change(screen.getByLabelText('Attach lyrics (.txt or .lrc)'), {
      target: { files: [new File(['x'], 'lyrics.docx')] },
    });
    expect(describedText(screen.getByLabelText(/Lyrics \(optional\)/))).toContain('Lyrics files must be .txt or .lrc.');
  });

  it('cancels an upload and keeps everything for the next try', async () => {
    renderPage([{ progress: [[100, 2048]], never: true }]);
    fill({ title: 'Kept', lyrics: 'kept words' });
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled. Everything you entered is still here.')).toBeTruthy();
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Kept');
    expect((screen.getByRole('button', { name: 'Analyse' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('analyses the held file again under another genre, with its labels and lyrics', () => {
    holdTrack('p1', { audio: audioFile('held.wav', 4096, 'audio/wav'), genre: 'POP', title: 'Held', artist: 'Ann', lyrics: 'held words' });
    vi.stubGlobal('XMLHttpRequest', fakeXhr([]).FakeXhr);
    renderWithApp(<AnalysePage />, { path: '/analyse', at: '/analyse?again=p1' });
    expect(screen.getByTestId('chosen-audio').textContent).toContain('held.wav');
    expect((screen.getByLabelText('Title (optional)') as HTMLInputElement).value).toBe('Held');
    expect((screen.getByLabelText('Lyrics (optional)') as HTMLTextAreaElement).value).toBe('held words');
    expect(screen.getByText('(analysed as this)').closest('label')?.textContent).toContain('Pop');
    expect((screen.getByLabelText(/Pop/) as HTMLInputElement).checked).toBe(false);
  });

  it('publishes_nothing_unless_the_member_ticks_publish', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 500 }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage([{ status: 201, body: aPrediction({ id: 'abc' }) }]);
    const publish = screen.getByRole('checkbox', { name: 'Share it on the leaderboard and publish the audio and lyrics' }) as HTMLInputElement;
    expect(publish.checked).toBe(false);
    expect(describedText(publish)).toContain('Other signed-in members will then find the track');
    fill();
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(await screen.findByText('the result page')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('publishes_the_held_file_and_lyrics_after_the_analysis_when_ticked', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(aPrediction({ id: 'abc', shared: true })), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetchMock);
    renderPage([{ status: 201, body: aPrediction({ id: 'abc' }) }]);
    fill({ lyrics: 'summer nights' });
    fireEvent.click(screen.getByRole('checkbox', { name: /^Share it on the leaderboard/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    expect(await screen.findByText('the result page')).toBeTruthy();
    const [url, init] = (fetchMock.mock.calls[0] ?? []) as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/predictions/abc/publication');
    expect(init.method).toBe('PUT');
    const form = init.body as FormData;
    expect((form.get('audio') as File).name).toBe('mix.mp3');
    expect(form.get('lyrics')).toBe('summer nights');
  });

  it('keeps_the_analysis_when_publishing_fails_and_leaves_the_failure_for_the_result_page', async () => {
    const failure = vi.fn(async () =>
      new Response(JSON.stringify({ type: 'https://hitter.dev/problems/publication-quota-exceeded', status: 409 }), {
        status: 409,
        headers: { 'Content-Type': 'application/problem+json' },
      }),
    );
    vi.stubGlobal('fetch', failure);
    renderWithApp(<AnalysePage />, {
      path: '/analyse',
      at: '/analyse',
      routes: [{ path: '/analyses/:id', element: <FailureProbe /> }],
    });
    vi.stubGlobal('XMLHttpRequest', fakeXhr([{ status: 201, body: aPrediction({ id: 'abc' }) }]).FakeXhr);
    fill();
    fireEvent.click(screen.getByRole('checkbox', { name: /^Share it on the leaderboard/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Analyse' }));
    expect((await screen.findByTestId('probe')).textContent).toBe('publication-quota-exceeded');
    expect(heldTrack('abc')?.audio.name).toBe('mix.mp3');
  });
});

function FailureProbe() {
  const error = usePublishFailure('abc');
  return <p data-testid="probe">{isApiError(error) ? error.type : 'none'}</p>;
}
