import { fractionOf, segmentToTrack, type TimeAxis } from './timeAxis';
import { heatColor, heatIntensity } from './heatScale';
import type { Segment } from '../types';

interface HeatStripProps {
  segments: Segment[];
  axis: TimeAxis;
  /** The scale's full-colour |contribution|: this analysis's own, or shared across compared ones. */
  maxAbs: number;
  /** A click on a segment, with its start as track time. */
  onSegment?: (trackSeconds: number) => void;
}

const WIDTH = 1000;
const HEIGHT = 40;

/** Per-segment contributions as a strip of colour, on the same time axis as the spectrogram above it. */
export function HeatStrip({ segments, axis, maxAbs, onSegment }: HeatStripProps) {
  return (
    <svg className="heat-strip" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" data-testid="heat-strip">
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="heat-strip__ground" />
      {segments.map((segment) => {
        const from = fractionOf(axis, segmentToTrack(axis, segment.fromSeconds));
        const to = fractionOf(axis, segmentToTrack(axis, segment.toSeconds));
        const intensity = heatIntensity(segment.contribution, maxAbs);
        return (
          <rect
            key={segment.fromSeconds}
            x={from * WIDTH}
            y={0}
            width={Math.max(0, (to - from) * WIDTH)}
            height={HEIGHT}
            fill={heatColor(intensity)}
            data-testid="heat-segment"
            data-intensity={intensity.toFixed(3)}
            onClick={
              onSegment
                ? (event) => {
                    event.stopPropagation();
                    onSegment(segmentToTrack(axis, segment.fromSeconds));
                  }
                : undefined
            }
          />
        );
      })}
    </svg>
  );
}
