/**
 * The table's order and page, kept in the address (so that a reload or a shared link keeps them) and sent to
 * GET /api/v1/predictions as page, size and sort=<property>,<direction>.
 */

export const SORT_KEYS = ['title', 'genre', 'hitProbability', 'createdAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface ListParams {
  page: number;
  size: number;
  sort: Sort;
}

export const PAGE_SIZE = 20;
const DEFAULT_SORT: Sort = { key: 'createdAt', direction: 'desc' };

export function readListParams(search: URLSearchParams): ListParams {
  const page = Number(search.get('page') ?? '0');
  return {
    page: Number.isInteger(page) && page >= 0 ? page : 0,
    size: PAGE_SIZE,
    sort: parseSort(search.get('sort')) ?? DEFAULT_SORT,
  };
}

export function writeListParams(params: ListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.page > 0) search.set('page', String(params.page));
  if (params.sort.key !== DEFAULT_SORT.key || params.sort.direction !== DEFAULT_SORT.direction) {
    search.set('sort', `${params.sort.key},${params.sort.direction}`);
  }
  return search;
}

export function apiQuery(params: ListParams): string {
  return new URLSearchParams({
    page: String(params.page),
    size: String(params.size),
    sort: `${params.sort.key},${params.sort.direction}`,
  }).toString();
}

/** The order after a click on a column header: the same column turns around, a new one starts its natural way. */
export function nextSort(current: Sort, clicked: SortKey): Sort {
  if (current.key === clicked) return { key: clicked, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key: clicked, direction: clicked === 'title' || clicked === 'genre' ? 'asc' : 'desc' };
}

function parseSort(value: string | null): Sort | null {
  if (!value) return null;
  const [key, direction] = value.split(',');
  if (!(SORT_KEYS as readonly string[]).includes(key ?? '')) return null;
  if (direction !== 'asc' && direction !== 'desc') return null;
  return { key: key as SortKey, direction };
}
