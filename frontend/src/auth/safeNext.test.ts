import { describe, expect, it } from 'vitest';
import { safeNext } from './session';

describe('safeNext', () => {
  it('keepsAPathInsideTheApp', () => {
    expect(safeNext('/analyses/42?tab=audio#top')).toBe('/analyses/42?tab=audio#top');
    expect(safeNext('/compare')).toBe('/compare');
  });

  it.each([
    ['//evil.example/x'],
    ['https://evil.example/'],
    ['http:/evil.example'],
    ['javascript:alert(1)'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['/\tevil'],
    ['evil.example'],
    [''],
    [null],
    [undefined],
  ])('refusesAnythingThatCouldLeaveTheApp %s', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('normalisesDotSegmentsWithoutLeavingTheOrigin', () => {
    expect(safeNext('/a/../b')).toBe('/b');
  });
});
