import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json } from '../analysis/testData';
import type { PredictionSummary } from '../analysis/types';
import { HistoryPage } from './HistoryPage';

function summary(id: string, title: string | null, over: Partial<PredictionSummary> = {}): PredictionSummary {
  return {
    id,
    title,
    artist: null,
    genre: 'BALLAD',
    createdAt: '2026-12-01T10:00:00Z',
    shared: false,
    hitProbability: 0.5,
    likes: 0,
    likedByMe: false,
    rank: null,
    demonstration: false,
    links: { self: '', spectrogram: '' },
    ...over,
  };
}

function stubList(items: PredictionSummary[], totalPages = 3) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'DELETE') return new Response(null, { status: 204 });
    const page = Number(new URL(String(input), 'http://x').searchParams.get('page'));
    return json({ items, page, size: 20, totalItems: items.length * totalPages, totalPages });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const listCalls = (fetchMock: ReturnType<typeof stubList>) =>
  fetchMock.mock.calls.filter(([, init]) => !init?.method).map(([url]) => new URL(String(url), 'http://x').searchParams);

describe('my analyses', () => {
  it('asks for the newest first, then for the order of the column clicked, turning it around on a second click', async () => {
    const fetchMock = stubList([summary('a', 'Alpha')]);
    renderWithApp(<HistoryPage />, { path: '/analyses', at: '/analyses' });
    await screen.findByText('Alpha');
    expect(listCalls(fetchMock).at(-1)?.get('sort')).toBe('createdAt,desc');

    fireEvent.click(screen.getByTestId('sort-title'));
    await waitFor(() => expect(listCalls(fetchMock).at(-1)?.get('sort')).toBe('title,asc'));
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByTestId('sort-title'));
    await waitFor(() => expect(listCalls(fetchMock).at(-1)?.get('sort')).toBe('title,desc'));
    expect(screen.getByRole('columnheader', { name: /Title/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('pages forward and back, keeping the order', async () => {
    const fetchMock = stubList([summary('a', 'Alpha')]);
    renderWithApp(<HistoryPage />, { path: '/analyses', at: '/analyses?sort=hitProbability,asc' });
    await screen.findByText('Page 1 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('Page 2 of 3');
    const last = listCalls(fetchMock).at(-1);
    expect(last?.get('page')).toBe('1');
    expect(last?.get('size')).toBe('20');
    expect(last?.get('sort')).toBe('hitProbability,asc');
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('marks demonstration results and shared ones in words', async () => {
    stubList([summary('a', 'Alpha', { demonstration: true, shared: true }), summary('b', null)], 1);
    renderWithApp(<HistoryPage />, { path: '/analyses', at: '/analyses' });
    const rows = await screen.findAllByTestId('history-row');
    expect(rows[0]?.textContent).toContain('demo model');
    expect(rows[0]?.textContent).toContain('Shared');
    expect(rows[1]?.textContent).toContain('Untitled');
    expect(rows[1]?.textContent).toContain('Private');
  });

  it('compares two or more picked analyses', async () => {
    stubList([summary('a', 'Alpha'), summary('b', 'Beta'), summary('c', 'Gamma')], 1);
    renderWithApp(<HistoryPage />, {
      path: '/analyses',
      at: '/analyses',
      routes: [{ path: '/compare', element: <p>compare page</p> }],
    });
    await screen.findByText('Alpha');
    const compare = screen.getByTestId('compare-picked') as HTMLButtonElement;
    fireEvent.click(screen.getByLabelText('Pick “Alpha” to compare'));
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Pick “Gamma” to compare'));
    expect(compare.disabled).toBe(false);
    fireEvent.click(compare);
    expect(await screen.findByText('compare page')).toBeTruthy();
  });

  it('deletes a row only after it is confirmed', async () => {
    const fetchMock = stubList([summary('a', 'Alpha')], 1);
    renderWithApp(<HistoryPage />, { path: '/analyses', at: '/analyses' });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete “Alpha”' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Delete for good' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([url, init]) => init?.method === 'DELETE' && String(url) === '/api/v1/predictions/a')).toBe(true),
    );
  });

  it('exports CSV through a temporary object URL', async () => {
    const fetchMock = stubList([summary('a', 'Alpha')], 1);
    fetchMock.mockImplementation(async (input: RequestInfo | URL) => {
      if (String(input) === '/api/v1/predictions/export.csv') return new Response('id,title\n', { status: 200, headers: { 'Content-Type': 'text/csv' } });
      return json({ items: [summary('a', 'Alpha')], page: 0, size: 20, totalItems: 1, totalPages: 1 });
    });
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv');
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.getAttribute('href')).toBe('blob:csv');
      expect(this.download).toBe('hitter-analyses.csv');
    });
    renderWithApp(<HistoryPage />, { path: '/analyses', at: '/analyses' });
    fireEvent.click(await screen.findByTestId('export-csv'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(create).toHaveBeenCalledTimes(1);
  });
});
