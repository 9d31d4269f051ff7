import { describe, expect, it } from 'vitest';
import { compareValues, parseIds } from './compareMath';

describe('comparing analyses', () => {
  it('reads the ids from the address, without duplicates or blanks', () => {
    expect(parseIds('a,b,,a, c ')).toEqual(['a', 'b', 'c']);
    expect(parseIds(null)).toEqual([]);
  });

  it('marks the highest and the lowest value and each difference from the first', () => {
    const compared = compareValues([0.4, 0.7, 0.55]);
    expect(compared.map((c) => c.highest)).toEqual([false, true, false]);
    expect(compared.map((c) => c.lowest)).toEqual([true, false, false]);
    expect(compared[1]?.difference).toBeCloseTo(0.3);
    expect(compared[0]?.difference).toBe(0);
  });

  it('marks nothing when all are equal: there is no difference to highlight', () => {
    const compared = compareValues([0.5, 0.5]);
    expect(compared.every((c) => !c.highest && !c.lowest)).toBe(true);
  });
});
