import type { PredictionView } from '../types';

/**
 * One colour scale for contributions: the strongest |contribution| maps to full colour, zero to none. Within an
 * analysis the segments, the words and the unknown words share it (they are all shares of the combined logit), and
 * compare passes the maximum across every analysis shown, so that equal colours mean equal contributions.
 */

/** The largest |contribution| over all the given lists; 0 when there is none or all are zero. */
export function maxAbsContribution(...segmentLists: readonly (readonly { contribution: number }[])[]): number {
  let max = 0;
  for (const segments of segmentLists) {
    for (const s of segments) {
      const magnitude = Math.abs(s.contribution);
      if (Number.isFinite(magnitude) && magnitude > max) max = magnitude;
    }
  }
  return max;
}

/**
 * The scale of one analysis's result page. In one currency (the answer has `logit`) the segments, the words and the
 * unknown-words item share it, so that a strip colour and a chip colour mean the same contribution. An analysis kept
 * before that has each model's own logit: its strip is scaled by the segments alone, and its words get no scale.
 */
export function resultScale(view: Pick<PredictionView, 'audio' | 'lyrics' | 'logit'>): { maxAbs: number; oneCurrency: boolean } {
  if (!view.logit) return { maxAbs: maxAbsContribution(view.audio.segments), oneCurrency: false };
  const unknown = view.lyrics.unknownContribution;
  return {
    maxAbs: maxAbsContribution(
      view.audio.segments,
      view.lyrics.raised,
      view.lyrics.lowered,
      typeof unknown === 'number' ? [{ contribution: unknown }] : [],
    ),
    oneCurrency: true,
  };
}

/**
 * A contribution on the scale, from −1 (most lowering) to 1 (most raising). With nothing to scale by (all zero),
 * every segment is neutral rather than divided by zero.
 */
export function heatIntensity(contribution: number, maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(contribution)) return 0;
  return Math.max(-1, Math.min(1, contribution / maxAbs));
}

/** Warm for raising, cool for lowering; the strength is the opacity, so that a neutral segment is the track colour. */
export function heatColor(intensity: number): string {
  const alpha = Math.round(Math.abs(intensity) * 100) / 100;
  if (intensity > 0) return `rgba(220, 72, 38, ${alpha})`;
  if (intensity < 0) return `rgba(40, 110, 220, ${alpha})`;
  return 'rgba(0, 0, 0, 0)';
}
