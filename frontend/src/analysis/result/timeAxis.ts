import type { AudioExplanation } from '../types';

/**
 * The one time axis the spectrogram, the heat strip, the top segments and the playhead share, in seconds of the
 * member's track. The analysed segment does not always start at 20 s (short tracks start earlier), so every
 * position goes through here.
 */
export interface TimeAxis {
  /** Track time where the analysed segment starts. */
  start: number;
  /** Track time where it ends. */
  end: number;
}

/** The models read 30 seconds; a shorter track was padded to that length. */
export const SEGMENT_SECONDS = 30;

export function timeAxisFor(audio: Pick<AudioExplanation, 'segmentStartSeconds' | 'segments'>): TimeAxis {
  const start = Number.isFinite(audio.segmentStartSeconds) ? audio.segmentStartSeconds : 0;
  const lastEnd = audio.segments.reduce((max, s) => Math.max(max, s.toSeconds), 0);
  return { start, end: start + Math.max(SEGMENT_SECONDS, lastEnd) };
}

export function axisLength(axis: TimeAxis): number {
  return axis.end - axis.start;
}

/** Where a track time falls on the axis, from 0 (segment start) to 1 (segment end), pinned to that range. */
export function fractionOf(axis: TimeAxis, trackSeconds: number): number {
  const length = axisLength(axis);
  if (!(length > 0)) return 0;
  return Math.min(1, Math.max(0, (trackSeconds - axis.start) / length));
}

/** The track time at a fraction of the axis (a click on the strip). */
export function trackTimeAt(axis: TimeAxis, fraction: number): number {
  return axis.start + Math.min(1, Math.max(0, fraction)) * axisLength(axis);
}

/** A time in the segment's own seconds (as the API gives segments) as track time. */
export function segmentToTrack(axis: TimeAxis, segmentSeconds: number): number {
  return axis.start + segmentSeconds;
}

/** Whether a track time lies on the axis (the playhead shows only there). */
export function isOnAxis(axis: TimeAxis, trackSeconds: number): boolean {
  return trackSeconds >= axis.start && trackSeconds <= axis.end;
}

/** Tick marks every `step` seconds of track time within the axis, both ends included when they fall on a step. */
export function ticks(axis: TimeAxis, step = 5): number[] {
  const out: number[] = [];
  const first = Math.ceil(axis.start / step - 1e-9) * step;
  for (let t = first; t <= axis.end + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

/** "1:05" for 65 s; the clock a member sees in a player. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return `${minutes}:${rest.toString().padStart(2, '0')}`;
}
