import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../test-utils';
import { aPrediction, json, problem, segmentsOf } from '../analysis/testData';
import { ComparePage } from './ComparePage';

const strong = aPrediction({ id: 'a', title: 'Mix A', hitProbability: 0.4, audio: { score: 0.3, segmentStartSeconds: 20, segments: segmentsOf([2, -1]), topSegments: [] } });
const weak = aPrediction({ id: 'b', title: 'Mix B', hitProbability: 0.7, audio: { score: 0.6, segmentStartSeconds: 12, segments: segmentsOf([0.5, -0.25]), topSegments: [] } });

function stub(views: Record<string, ReturnType<typeof aPrediction>>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      if (url.endsWith('/spectrogram.png')) return new Response(new Blob(['png']), { status: 200 });
      const id = url.split('/').pop() ?? '';
      return views[id] ? json(views[id]) : problem(404, 'not-found');
    }),
  );
}

beforeEach(() => {
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

describe('comparing analyses', () => {
  it('draws every heat strip on one scale: the weaker mix is paler', async () => {
    stub({ a: strong, b: weak });
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a,b' });
    const columns = await screen.findAllByTestId('compare-column');
    const intensities = columns.map((column) =>
      within(column).getAllByTestId('heat-segment').map((rect) => rect.getAttribute('data-intensity')),
    );
    expect(intensities).toEqual([
      ['1.000', '-0.500'],
      ['0.250', '-0.125'],
    ]);
  });

  it('highlights the higher probability and says how far each is from the first', async () => {
    stub({ a: strong, b: weak });
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a,b' });
    const table = await screen.findByTestId('compare-table');
    const probabilityRow = within(table).getByRole('row', { name: /Hit probability/ });
    const cells = within(probabilityRow).getAllByRole('cell');
    expect(cells[1]?.getAttribute('data-highest')).toBe('true');
    expect(cells[0]?.getAttribute('data-lowest')).toBe('true');
    expect(cells[1]?.textContent).toContain('+30 pts vs the first');
  });

  it('warns when a strip of an analysis kept before one currency is compared with newer ones', async () => {
    stub({ a: strong, b: { ...weak, logit: null } });
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a,b' });
    await screen.findAllByTestId('compare-column');
    expect(screen.getByText('Strips on different scales')).toBeTruthy();
  });

  it('says nothing of scales when every analysis is in one currency', async () => {
    stub({ a: strong, b: weak });
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a,b' });
    await screen.findAllByTestId('compare-column');
    expect(screen.queryByText('Strips on different scales')).toBeNull();
  });

  it('asks to pick two when given fewer', () => {
    stub({});
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a' });
    expect(screen.getByText(/Pick two or more analyses/)).toBeTruthy();
  });

  it('says which one was not found and still compares the rest', async () => {
    stub({ a: strong, b: weak });
    renderWithApp(<ComparePage />, { path: '/compare', at: '/compare?ids=a,b,gone' });
    expect(await screen.findByText(/Analysis gone was not found/)).toBeTruthy();
    expect(await screen.findAllByTestId('compare-column')).toHaveLength(2);
  });
});
