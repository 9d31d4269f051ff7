import { describe, expect, it } from 'vitest';
import { heatColor, heatIntensity, maxAbsContribution, resultScale } from './heatScale';

const seg = (contribution: number) => ({ fromSeconds: 0, toSeconds: 1, contribution });

describe('the heat-strip scale', () => {
  it('scales by the strongest contribution, whichever its sign', () => {
    const max = maxAbsContribution([seg(0.2), seg(-0.8), seg(0.4)]);
    expect(max).toBe(0.8);
    expect(heatIntensity(-0.8, max)).toBe(-1);
    expect(heatIntensity(0.4, max)).toBe(0.5);
  });

  it('keeps all-zero contributions neutral instead of dividing by zero', () => {
    const max = maxAbsContribution([seg(0), seg(0)]);
    expect(max).toBe(0);
    expect(heatIntensity(0, max)).toBe(0);
    expect(heatColor(heatIntensity(0, max))).toBe('rgba(0, 0, 0, 0)');
  });

  it('shows only-negative contributions as lowering, the strongest at full strength', () => {
    const segments = [seg(-0.1), seg(-0.3)];
    const max = maxAbsContribution(segments);
    expect(heatIntensity(-0.3, max)).toBe(-1);
    expect(heatColor(-1)).toBe('rgba(40, 110, 220, 1)');
    expect(heatColor(-0.5)).toBe('rgba(40, 110, 220, 0.5)');
  });

  it('colours raising warm and lowering cool', () => {
    expect(heatColor(1)).toBe('rgba(220, 72, 38, 1)');
    expect(heatColor(-1)).not.toBe(heatColor(1));
  });

  it('shares one scale across compared analyses, so the weaker one is paler', () => {
    const strong = [seg(2), seg(-1)];
    const weak = [seg(0.5), seg(-0.25)];
    const shared = maxAbsContribution(strong, weak);
    expect(shared).toBe(2);
    expect(heatIntensity(0.5, shared)).toBe(0.25);
    expect(heatIntensity(0.5, maxAbsContribution(weak))).toBe(1);
  });

  it('ignores a missing list and non-finite values', () => {
    expect(maxAbsContribution()).toBe(0);
    expect(maxAbsContribution([seg(Number.NaN), seg(0.3)])).toBe(0.3);
    expect(heatIntensity(Number.NaN, 1)).toBe(0);
  });
});

describe('the result page’s one scale', () => {
  const audio = { score: 0.5, segmentStartSeconds: 0, segments: [seg(0.2), seg(-0.1)], topSegments: [] };
  const lyrics = {
    score: 0.5,
    raised: [{ word: 'love', contribution: 0.6, occurrences: 2 }],
    lowered: [{ word: 'alone', contribution: -0.3, occurrences: 1 }],
    unknownTokens: 3,
    truncated: false,
    unknownContribution: -0.9,
  };
  const logit = { value: 0, bias: 0, audio: 0.1, words: 0.3, unknownWords: -0.9, residual: 0 };

  it('spans the segments, the words and the unknown words when they share one currency', () => {
    expect(resultScale({ audio, lyrics, logit })).toEqual({ maxAbs: 0.9, oneCurrency: true });
    expect(resultScale({ audio, lyrics: { ...lyrics, unknownContribution: 0.1 }, logit })).toEqual({ maxAbs: 0.6, oneCurrency: true });
  });

  it('falls back to the segments alone for an analysis kept before one currency', () => {
    expect(resultScale({ audio, lyrics, logit: null })).toEqual({ maxAbs: 0.2, oneCurrency: false });
    expect(resultScale({ audio, lyrics })).toEqual({ maxAbs: 0.2, oneCurrency: false });
  });
});
