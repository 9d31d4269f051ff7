import { describe, expect, it } from 'vitest';
import { clock, fractionOf, isOnAxis, segmentToTrack, ticks, timeAxisFor, trackTimeAt } from './timeAxis';

const segments = Array.from({ length: 10 }, (_, i) => ({ fromSeconds: i * 3, toSeconds: i * 3 + 3, contribution: 0 }));

describe('the time axis shared by spectrogram, heat strip and playhead', () => {
  it('starts where the analysed segment starts in the track, not at a fixed 20 s', () => {
    const axis = timeAxisFor({ segmentStartSeconds: 7.5, segments });
    expect(axis).toEqual({ start: 7.5, end: 37.5 });
    expect(fractionOf(axis, 7.5)).toBe(0);
    expect(fractionOf(axis, 22.5)).toBe(0.5);
    expect(fractionOf(axis, 37.5)).toBe(1);
  });

  it('places a segment at its track time: segment start plus its offset', () => {
    const axis = timeAxisFor({ segmentStartSeconds: 42, segments });
    expect(segmentToTrack(axis, 6)).toBe(48);
    expect(fractionOf(axis, segmentToTrack(axis, 6))).toBeCloseTo(0.2);
  });

  it('turns a click position back into track time', () => {
    const axis = timeAxisFor({ segmentStartSeconds: 12, segments });
    expect(trackTimeAt(axis, 0.25)).toBe(19.5);
    expect(trackTimeAt(axis, 2)).toBe(42);
  });

  it('pins times off the axis to its ends and says they are off it', () => {
    const axis = timeAxisFor({ segmentStartSeconds: 20, segments });
    expect(fractionOf(axis, 3)).toBe(0);
    expect(fractionOf(axis, 90)).toBe(1);
    expect(isOnAxis(axis, 3)).toBe(false);
    expect(isOnAxis(axis, 25)).toBe(true);
  });

  it('covers at least the 30 s the models read, even with segments missing', () => {
    expect(timeAxisFor({ segmentStartSeconds: 0, segments: [] })).toEqual({ start: 0, end: 30 });
  });

  it('puts ticks on whole multiples of the step in track time', () => {
    expect(ticks({ start: 7.5, end: 37.5 }, 10)).toEqual([10, 20, 30]);
    expect(ticks({ start: 20, end: 50 }, 10)).toEqual([20, 30, 40, 50]);
  });

  it('shows times as a player clock', () => {
    expect(clock(65.9)).toBe('1:05');
    expect(clock(7)).toBe('0:07');
    expect(clock(Number.NaN)).toBe('0:00');
  });
});
