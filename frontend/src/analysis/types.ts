/**
 * The prediction API's answers as prediction-service writes them (PredictionView, Explanation, PredictionSummary,
 * PredictionPage). Kept by hand beside docs/predictions.md: the server is the authority on their shape.
 */

export const GENRES = ['POP', 'BALLAD', 'DANCE'] as const;
export type Genre = (typeof GENRES)[number];

/**
 * A stretch of the analysed segment, in seconds from the segment's start, and its share of the combined, calibrated
 * logit (the same currency as the words'); in an analysis without `logit` (kept before), of the audio model's own.
 */
export interface Segment {
  fromSeconds: number;
  toSeconds: number;
  contribution: number;
}

export interface AudioExplanation {
  score: number;
  segmentStartSeconds: number;
  segments: Segment[];
  topSegments: Segment[];
}

/** A word and the summed share of all its occurrences, in the same currency as the segments'. */
export interface Word {
  word: string;
  contribution: number;
  occurrences: number;
}

export interface LyricsExplanation {
  score: number;
  raised: Word[];
  lowered: Word[];
  unknownTokens: number;
  truncated: boolean;
  /** The unknown tokens' summed contribution, shown as one item; absent or null in analyses kept before `logit`. */
  unknownContribution?: number | null;
}

/**
 * The combined, calibrated logit ln(p / (1 − p)) of the hit probability, which every contribution is a share of, and
 * what makes it up: value = bias + audio + words + unknownWords + residual. `bias` is the baseline: the logit of a
 * song whose every contribution were zero.
 */
export interface LogitParts {
  value: number;
  bias: number;
  audio: number;
  words: number;
  unknownWords: number;
  residual: number;
}

export interface Combination {
  method: string;
  audioWeight: number;
  lyricsWeight: number;
  bias: number;
  audioShare: number;
}

export interface ModelInfo {
  modelId: string;
  version: string;
  demonstration: boolean;
  notice: string | null;
  trainingData: string | null;
}

export interface Timings {
  decode: number;
  features: number;
  audioModel: number;
  lyricsModel: number;
  total: number;
}

export interface Reference {
  id: string;
  title: string | null;
  artist: string | null;
  hitProbability: number;
  distance: number;
}

export interface Links {
  self: string;
  spectrogram: string;
  /** Issue 11: always present as addresses; `publication` says whether they answer. */
  audio?: string;
  lyrics?: string;
}

/** What the owner published with a shared analysis (issue 11): the audio to stream, the lyrics to read. */
export interface Publication {
  audio: boolean;
  lyrics: boolean;
  publishedAt: string;
  audioBytes: number | null;
  mediaType: string | null;
}

export type ModerationState = 'HIDDEN' | 'REMOVED';

/** An administrator's decision about a leaderboard entry; only its owner and administrators ever see it. */
export interface Moderation {
  state: ModerationState;
  reason: string;
  moderatedAt: string;
}

export interface PredictionView {
  id: string;
  title: string | null;
  artist: string | null;
  genre: Genre;
  createdAt: string;
  shared: boolean;
  hitProbability: number;
  genrePercentile: number | null;
  audio: AudioExplanation;
  lyrics: LyricsExplanation;
  combination: Combination;
  model: { audio: ModelInfo; lyrics: ModelInfo };
  timings: Timings;
  /** Absent or null for analyses kept before contributions were in one currency (each model's own logit then). */
  logit?: LogitParts | null;
  referenceTrack: boolean;
  likes: number;
  likedByMe: boolean;
  /** Whether the caller made it: only the owner renames, shares, deletes (a shared one is seen by others too). */
  ownedByMe: boolean;
  references: Reference[];
  links: Links;
  /** Issue 11; absent from an older server, which publishes nothing. */
  publication?: Publication | null;
  moderation?: Moderation | null;
  /** Owner only meaningful: the analysis recorded its file's SHA-256, so the file can be published. */
  publishable?: boolean;
}

export interface PredictionSummary {
  id: string;
  title: string | null;
  artist: string | null;
  genre: Genre;
  createdAt: string;
  shared: boolean;
  hitProbability: number;
  likes: number;
  likedByMe: boolean;
  rank: number | null;
  /** Added to summaries by issue 10; absent from an older server, which then means "not known". */
  demonstration?: boolean;
  links: Links;
  publication?: Publication | null;
  moderation?: Moderation | null;
}

export interface PredictionPage {
  items: PredictionSummary[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** Whether either model that answered is the demonstration model. */
export function isDemonstration(view: Pick<PredictionView, 'model'>): boolean {
  return view.model.audio.demonstration || view.model.lyrics.demonstration;
}

/** GET /api/v1/models/{genre}: the cards of the model set serving a genre now (docs/models-api.md). */
export interface ModelDescription {
  modelId: string;
  version: string;
  kind: 'AUDIO' | 'LYRICS';
  demonstration: boolean;
  notice: string | null;
  trainedOn: { source: string; dataset: string; songs: number; hits: number } | null;
  heldOut: { songs: number; hits: number; auc: number | null; accuracy: number | null } | null;
}

export interface GenreCard {
  genre: Genre;
  version: string;
  demonstration: boolean;
  audio: ModelDescription;
  lyrics: ModelDescription;
}
