import { describe, expect, it } from 'vitest';
import { arcPath, gaugeBand, gaugeValue, pointOnArc } from './gauge';

describe('the hit-probability gauge', () => {
  it('starts at the left end for 0 and ends at the right end for 1', () => {
    const left = pointOnArc(0, 100, 100, 80);
    const right = pointOnArc(1, 100, 100, 80);
    expect(left.x).toBeCloseTo(20);
    expect(left.y).toBeCloseTo(100);
    expect(right.x).toBeCloseTo(180);
    expect(right.y).toBeCloseTo(100);
  });

  it('puts one half straight up', () => {
    const top = pointOnArc(0.5, 100, 100, 80);
    expect(top.x).toBeCloseTo(100);
    expect(top.y).toBeCloseTo(20);
  });

  it('draws an arc ending where the probability points', () => {
    expect(arcPath(0.5, 100, 100, 80)).toBe('M 20 100 A 80 80 0 0 1 100 20');
  });

  it('draws nothing for a zero probability', () => {
    expect(arcPath(0, 100, 100, 80)).toBe('');
  });

  it('pins values outside 0..1 and NaN instead of drawing past the ends', () => {
    expect(gaugeValue(1.7)).toBe(1);
    expect(gaugeValue(-0.2)).toBe(0);
    expect(gaugeValue(Number.NaN)).toBe(0);
    expect(arcPath(3, 100, 100, 80)).toBe(arcPath(1, 100, 100, 80));
  });

  it('names a band for each third, so colour is not the only cue', () => {
    expect(gaugeBand(0.1)).toBe('low');
    expect(gaugeBand(0.5)).toBe('medium');
    expect(gaugeBand(0.9)).toBe('high');
    expect(gaugeBand(2 / 3)).toBe('high');
  });
});
