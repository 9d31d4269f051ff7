/**
 * Geometry of the hit-probability gauge: a half circle from the left (0) to the right (1). Pure, so that the
 * mapping from a probability to the drawn arc can be tested without a browser.
 */

/** A probability as the gauge shows it: NaN and values outside [0, 1] (which the API never sends) pinned. */
export function gaugeValue(probability: number): number {
  if (!Number.isFinite(probability)) return 0;
  return Math.min(1, Math.max(0, probability));
}

/** The point on the gauge's arc at a fraction of its sweep (0 = left end, 1 = right end). */
export function pointOnArc(fraction: number, cx: number, cy: number, r: number): { x: number; y: number } {
  const angle = Math.PI * (1 - gaugeValue(fraction));
  return { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
}

/** The SVG path of the arc from 0 to `fraction`; empty for 0, so that no dot is drawn for a zero. */
export function arcPath(fraction: number, cx: number, cy: number, r: number): string {
  const f = gaugeValue(fraction);
  if (f === 0) return '';
  const start = pointOnArc(0, cx, cy, r);
  const end = pointOnArc(f, cx, cy, r);
  // A half circle never sweeps more than 180°, so the small-arc flag is always right.
  return `M ${round(start.x)} ${round(start.y)} A ${r} ${r} 0 0 1 ${round(end.x)} ${round(end.y)}`;
}

/** Words for the band a probability falls in, so that colour is never the only cue. */
export type GaugeBand = 'low' | 'medium' | 'high';

export function gaugeBand(probability: number): GaugeBand {
  const p = gaugeValue(probability);
  if (p < 1 / 3) return 'low';
  if (p < 2 / 3) return 'medium';
  return 'high';
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
