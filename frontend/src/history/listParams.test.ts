import { describe, expect, it } from 'vitest';
import { apiQuery, nextSort, readListParams, writeListParams } from './listParams';

describe('the table of my analyses', () => {
  it('lists the newest first, twenty a page, when the address says nothing', () => {
    const params = readListParams(new URLSearchParams(''));
    expect(params).toEqual({ page: 0, size: 20, sort: { key: 'createdAt', direction: 'desc' } });
    expect(apiQuery(params)).toBe('page=0&size=20&sort=createdAt%2Cdesc');
  });

  it('reads the sort and page the address holds, so a reload keeps them', () => {
    const params = readListParams(new URLSearchParams('page=2&sort=hitProbability,asc'));
    expect(params).toEqual({ page: 2, size: 20, sort: { key: 'hitProbability', direction: 'asc' } });
    expect(apiQuery(params)).toBe('page=2&size=20&sort=hitProbability%2Casc');
  });

  it('ignores a sort or page it does not know instead of sending the server nonsense', () => {
    expect(readListParams(new URLSearchParams('page=-3&sort=likes,up'))).toEqual({
      page: 0,
      size: 20,
      sort: { key: 'createdAt', direction: 'desc' },
    });
    expect(readListParams(new URLSearchParams('page=abc')).page).toBe(0);
  });

  it('turns a column around when it is clicked again', () => {
    expect(nextSort({ key: 'title', direction: 'asc' }, 'title')).toEqual({ key: 'title', direction: 'desc' });
    expect(nextSort({ key: 'title', direction: 'desc' }, 'title')).toEqual({ key: 'title', direction: 'asc' });
  });

  it('sorts a newly chosen column the way people expect: names A to Z, numbers and dates highest first', () => {
    expect(nextSort({ key: 'createdAt', direction: 'desc' }, 'title')).toEqual({ key: 'title', direction: 'asc' });
    expect(nextSort({ key: 'title', direction: 'asc' }, 'genre')).toEqual({ key: 'genre', direction: 'asc' });
    expect(nextSort({ key: 'title', direction: 'asc' }, 'hitProbability')).toEqual({ key: 'hitProbability', direction: 'desc' });
  });

  it('goes back to the first page when the order changes, and leaves defaults out of the address', () => {
    const written = writeListParams({ page: 0, size: 20, sort: { key: 'createdAt', direction: 'desc' } });
    expect(written.toString()).toBe('');
    const sorted = writeListParams({ page: 0, size: 20, sort: { key: 'genre', direction: 'asc' } });
    expect(sorted.toString()).toBe('sort=genre%2Casc');
    expect(writeListParams({ page: 3, size: 20, sort: { key: 'createdAt', direction: 'desc' } }).toString()).toBe('page=3');
  });
});
