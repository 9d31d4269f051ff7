import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { json } from '../analysis/testData';
import { ExampleResult } from './ExampleResult';
import { RecentAnalyses } from './RecentAnalyses';

describe('the home page pieces', () => {
  it('shows an example result, marked as one, without calling the API', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:example');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    renderWithApp(<ExampleResult />);
    expect(screen.getByText('Example — made-up numbers')).toBeTruthy();
    expect(screen.getByTestId('hit-gauge')).toBeTruthy();
    expect(screen.getAllByTestId('heat-segment').length).toBe(117);
    expect(screen.getByTestId('spectrogram').getAttribute('src')).toBe('blob:example');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('lists the member’s five latest analyses', async () => {
    const fetchMock = vi.fn(async () =>
      json({
        items: [{ id: 'a', title: 'Latest', artist: null, genre: 'DANCE', createdAt: '2026-12-01T10:00:00Z', shared: false, hitProbability: 0.9, likes: 0, likedByMe: false, rank: null, links: { self: '', spectrogram: '' } }],
        page: 0,
        size: 5,
        totalItems: 1,
        totalPages: 1,
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithApp(<RecentAnalyses />);
    expect(await screen.findByRole('link', { name: 'Latest' })).toBeTruthy();
    const query = new URL(String((fetchMock.mock.calls[0] as unknown[])[0]), 'http://x').searchParams;
    expect(query.get('size')).toBe('5');
    expect(query.get('sort')).toBe('createdAt,desc');
  });
});
