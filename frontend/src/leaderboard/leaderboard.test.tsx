import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json, problem } from '../analysis/testData';
import type { PredictionSummary } from '../analysis/types';
import type { Member } from '../auth/session';
import { LeaderboardPage } from './LeaderboardPage';

const session = vi.hoisted(() => ({ member: undefined as Member | undefined }));
vi.mock('../auth/session', async (original) => {
  const actual = await original<typeof import('../auth/session')>();
  return { ...actual, useSession: () => ({ status: 'signedIn', member: session.member, logIn: vi.fn(), signUp: vi.fn(), logOut: vi.fn() }) };
});

beforeEach(() => {
  session.member = { id: 'm', email: 'm@example.com', displayName: 'M', kind: 'producer', roles: ['MEMBER'] };
});

function aSummary(over: Partial<PredictionSummary> = {}): PredictionSummary {
  return {
    id: 'aaaaaaaa-0000-0000-0000-000000000001',
    title: 'Night Drive',
    artist: 'Ann',
    genre: 'BALLAD',
    createdAt: '2026-12-01T10:00:00Z',
    shared: true,
    hitProbability: 0.81,
    likes: 2,
    likedByMe: false,
    rank: 1,
    demonstration: true,
    links: { self: '/api/v1/predictions/aaaaaaaa-0000-0000-0000-000000000001', spectrogram: '' },
    publication: { audio: true, lyrics: true, publishedAt: '2026-12-02T10:00:00Z', audioBytes: 1000, mediaType: 'audio/mpeg' },
    moderation: null,
    ...over,
  };
}

function aPage(items: PredictionSummary[], page = 0, totalPages = 1) {
  return { items, page, size: 20, totalItems: totalPages * 20, totalPages };
}

function renderBoard(at = '/leaderboard?genre=BALLAD') {
  renderWithApp(<LeaderboardPage />, { path: '/leaderboard', at, routes: [{ path: '/analyses/:id', element: <p>the result page</p> }] });
}

describe('the leaderboard', () => {
  it('lists_the_genre_asked_for_with_rank_title_probability_likes_and_what_can_be_heard', async () => {
    const fetchMock = vi.fn(async (_input?: RequestInfo | URL) =>
      json(
        aPage([
          aSummary(),
          aSummary({
            id: 'aaaaaaaa-0000-0000-0000-000000000002',
            title: null,
            artist: null,
            rank: 2,
            hitProbability: 0.4,
            demonstration: false,
            publication: null,
            moderation: { state: 'HIDDEN', reason: 'Not the member’s own song', moderatedAt: '2026-12-03T10:00:00Z' },
          }),
        ]),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderBoard();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ballad leaderboard' })).toBeTruthy();
    const rows = await screen.findAllByTestId('leaderboard-row');
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/predictions/leaderboard?genre=BALLAD&page=0&size=20');
    expect(screen.getByTestId('genre-BALLAD').getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('genre-POP').getAttribute('aria-current')).toBeNull();

    const first = within(rows[0]!);
    expect(rows[0]!.querySelector('td')?.textContent).toBe('1');
    expect(first.getByRole('link', { name: 'Night Drive' }).getAttribute('href')).toBe('/analyses/aaaaaaaa-0000-0000-0000-000000000001');
    expect(first.getByText('81%')).toBeTruthy();
    expect(first.getByTestId('badge-listen').textContent).toBe('Listen');
    expect(first.getByTestId('badge-lyrics').textContent).toBe('Lyrics');
    expect(first.getByText('demo model')).toBeTruthy();
    expect(first.getByRole('button', { name: 'Like “Night Drive” 2 likes' }).getAttribute('aria-pressed')).toBe('false');

    const second = within(rows[1]!);
    expect(second.getByRole('link', { name: 'Untitled' })).toBeTruthy();
    expect(second.queryByTestId('badge-listen')).toBeNull();
    expect(second.getByText('Score only')).toBeTruthy();
    // Only its owner or an administrator gets a hidden entry: they are told why.
    expect(second.getByTestId('row-moderation').textContent).toBe('Hidden by an administrator. Reason: Not the member’s own song');
  });

  it('pages_through_the_genre_in_the_address', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const page = Number(new URL(String(input), 'http://x').searchParams.get('page'));
      return json(aPage([aSummary({ title: `Page ${page} track`, rank: page * 20 + 1 })], page, 2));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderBoard('/leaderboard?genre=DANCE');
    expect(await screen.findByText('Page 0 track')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Page 1 track')).toBeTruthy();
    expect(String(fetchMock.mock.calls.at(-1)?.[0])).toBe('/api/v1/predictions/leaderboard?genre=DANCE&page=1&size=20');
    expect(screen.getByText('Page 2 of 2')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says so when a genre has nothing shared, and falls back to pop for an unknown genre', async () => {
    const fetchMock = vi.fn(async (_input?: RequestInfo | URL) => json(aPage([], 0, 0)));
    vi.stubGlobal('fetch', fetchMock);
    renderBoard('/leaderboard?genre=polka');
    expect(await screen.findByTestId('leaderboard-empty')).toBeTruthy();
    expect(screen.getByText('Nothing shared in Pop yet.')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0]?.[0])).toContain('genre=POP');
  });
});

describe('the like toggle', () => {
  it('shows_the_like_at_once_then_the_count_the_server_holds', async () => {
    let serverLikes = 2;
    let liked = false;
    let release: () => void = () => undefined;
    const likeAnswered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (url.endsWith('/like') && init?.method === 'PUT') {
        await likeAnswered;
        liked = true;
        // Someone else liked it meanwhile: the answer corrects the guess.
        serverLikes += 2;
        return new Response(null, { status: 204 });
      }
      return json(aPage([aSummary({ likes: serverLikes, likedByMe: liked })]));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderBoard();
    const button = await screen.findByRole('button', { name: 'Like “Night Drive” 2 likes' });
    fireEvent.click(button);
    // Optimistic: pressed and counted before the server answers.
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(within(button).getByTestId('like-count').textContent).toBe('3');
    release();
    await waitFor(() => expect(within(button).getByTestId('like-count').textContent).toBe('4'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(fetchMock.mock.calls.some(([url, init]) => String(url) === '/api/v1/predictions/aaaaaaaa-0000-0000-0000-000000000001/like' && init?.method === 'PUT')).toBe(true);
  });

  it('takes_a_refused_like_back_and_says_so', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/like')) return problem(404, 'not-found');
      void init;
      return json(aPage([aSummary({ likes: 2, likedByMe: false })]));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderBoard();
    const button = await screen.findByRole('button', { name: /^Like “Night Drive”/ });
    fireEvent.click(button);
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The like was not saved.');
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(within(button).getByTestId('like-count').textContent).toBe('2');
  });

  it('unlikes_with_a_delete', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/like')) return new Response(null, { status: 204 });
      void init;
      return json(aPage([aSummary({ likes: 1, likedByMe: true })]));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderBoard();
    const button = await screen.findByRole('button', { name: 'Like “Night Drive” 1 like' });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true));
  });
});

describe('moderating from the leaderboard', () => {
  it('offers_administrators_alone_the_moderation_of_each_row_and_restores_a_hidden_one', async () => {
    let hidden = true;
    const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/moderation') && init?.method === 'DELETE') {
        hidden = false;
        return new Response(null, { status: 204 });
      }
      const moderation = hidden ? { state: 'HIDDEN' as const, reason: 'Spam', moderatedAt: '2026-12-03T10:00:00Z' } : null;
      return json(aPage([aSummary({ moderation })]));
    });
    vi.stubGlobal('fetch', fetchMock);
    const { unmount } = renderWithApp(<LeaderboardPage />, { path: '/leaderboard', at: '/leaderboard' });
    await screen.findAllByTestId('leaderboard-row');
    expect(screen.queryByTestId('row-moderate')).toBeNull();
    unmount();

    session.member = { id: 'a', email: 'a@example.com', displayName: 'A', kind: 'other', roles: ['MEMBER', 'ADMIN'] };
    renderBoard();
    const row = (await screen.findAllByTestId('leaderboard-row'))[0]!;
    expect(within(row).getByTestId('row-moderation').textContent).toContain('Reason: Spam');
    fireEvent.click(within(row).getByText('Moderate'));
    fireEvent.click(within(row).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(within(screen.getAllByTestId('leaderboard-row')[0]!).queryByTestId('row-moderation')).toBeNull());
    expect(fetchMock.mock.calls.some(([url, init]) => String(url) === '/api/v1/predictions/aaaaaaaa-0000-0000-0000-000000000001/moderation' && init?.method === 'DELETE')).toBe(true);
  });
});
