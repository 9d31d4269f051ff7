import type { PredictionView, Segment } from './types';

/**
 * A made-up analysis for the home page, shaped exactly like the API's answer so that the real result components
 * render it. Nothing here was computed by a model; the page says so.
 */

// 117 positions of 0.256 s, like the audio model's; a chorus lift around 12–18 s and a quiet dip near 24 s.
const segments: Segment[] = Array.from({ length: 117 }, (_, p) => {
  const centre = (p + 0.5) * 0.256;
  const chorus = Math.exp(-((centre - 15) ** 2) / 8) * 0.09;
  const dip = -Math.exp(-((centre - 24) ** 2) / 3) * 0.06;
  const ripple = Math.sin(p * 1.7) * 0.008;
  return { fromSeconds: round(p * 0.256), toSeconds: round((p + 1) * 0.256), contribution: round(chorus + dip + ripple) };
});

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

// The parts of the combined logit add up to ln(p / (1 − p)) of the hit probability, as in a real answer; a word's
// share is of the same order as a 0.256 s moment's, as with the demonstration models.
const HIT_PROBABILITY = 0.72;
const LOGIT = Math.log(HIT_PROBABILITY / (1 - HIT_PROBABILITY));
const AUDIO = segments.reduce((sum, s) => sum + s.contribution, 0);
const WORDS = 0.17;
const UNKNOWN = -0.01;

export const EXAMPLE_PREDICTION: PredictionView = {
  id: 'example',
  title: 'Summer Letter (여름 편지)',
  artist: 'HITTER Example',
  genre: 'POP',
  createdAt: '2026-11-30T09:30:00Z',
  shared: false,
  hitProbability: HIT_PROBABILITY,
  genrePercentile: 81,
  audio: {
    score: 0.68,
    segmentStartSeconds: 42.5,
    segments,
    topSegments: [
      { fromSeconds: 15, toSeconds: 18, contribution: 0.71 },
      { fromSeconds: 12, toSeconds: 15, contribution: 0.66 },
      { fromSeconds: 18, toSeconds: 21, contribution: 0.31 },
    ],
  },
  lyrics: {
    score: 0.77,
    raised: [
      { word: '여름', contribution: 0.11, occurrences: 6 },
      { word: 'dance', contribution: 0.08, occurrences: 4 },
      { word: '너와', contribution: 0.05, occurrences: 3 },
    ],
    lowered: [
      { word: '혼자', contribution: -0.06, occurrences: 2 },
      { word: 'rain', contribution: -0.03, occurrences: 1 },
    ],
    unknownTokens: 12,
    truncated: false,
    unknownContribution: UNKNOWN,
  },
  combination: {
    method: 'logistic regression on the validation split’s calibrated logits',
    audioWeight: 0.4,
    lyricsWeight: 0.63,
    bias: 0.19,
    audioShare: 0.44,
  },
  model: {
    audio: { modelId: 'pop-audio-example', version: 'example', demonstration: false, notice: null, trainingData: null },
    lyrics: { modelId: 'pop-lyrics-example', version: 'example', demonstration: false, notice: null, trainingData: null },
  },
  timings: { decode: 80, features: 40, audioModel: 5, lyricsModel: 2, total: 140 },
  logit: {
    value: round(LOGIT),
    bias: round(LOGIT - AUDIO - WORDS - UNKNOWN),
    audio: round(AUDIO),
    words: WORDS,
    unknownWords: UNKNOWN,
    residual: 0,
  },
  referenceTrack: false,
  likes: 0,
  likedByMe: false,
  ownedByMe: false,
  references: [],
  links: { self: '', spectrogram: '' },
};

/**
 * A spectrogram-like picture for the example, drawn here (there is no server picture for made-up data): viridis-ish
 * columns, louder in the chorus, as an SVG the timeline shows like the real PNG.
 */
export function exampleSpectrogramSvg(): string {
  const columns = 60;
  const bands = 16;
  const palette = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
  const cells: string[] = [];
  for (let x = 0; x < columns; x++) {
    const seconds = (x / columns) * 30;
    const loud = 0.35 + 0.5 * Math.exp(-((seconds - 15) ** 2) / 20) - 0.25 * Math.exp(-((seconds - 24) ** 2) / 4);
    for (let band = 0; band < bands; band++) {
      const energy = loud * (1 - band / bands) + 0.15 * Math.abs(Math.sin(x * 0.9 + band * 1.3));
      const colour = palette[Math.max(0, Math.min(palette.length - 1, Math.floor(energy * palette.length)))];
      cells.push(`<rect x="${x}" y="${bands - 1 - band}" width="1" height="1" fill="${colour}"/>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${columns} ${bands}" preserveAspectRatio="none">${cells.join('')}</svg>`;
}
