/** GET /api/v1/models (prediction-service ModelCatalogue; docs/models-api.md). */
export interface ModelCatalogue {
  genres: GenreCard[];
  unavailable: string[];
}

export interface GenreCard {
  genre: string;
  version: string;
  demonstration: boolean;
  audio: ModelCard;
  lyrics: ModelCard;
  combination: Combination | null;
  /** The evaluation the set was promoted on; null when its cards hold none. */
  evaluation: Evaluation | null;
}

export interface Evaluation {
  evaluatedAt: string | null;
  on: string | null;
  songs: number;
  positives: number;
  split: string | null;
  audio: Metrics | null;
  lyrics: Metrics | null;
  combined: Metrics | null;
  passed: boolean;
  reasons: string[];
  method: string | null;
  pictures: { name: string; url: string }[];
}

/** Each metric with its 95 % bootstrap interval. */
export interface Metrics {
  rocAuc: Estimate | null;
  prAuc: Estimate | null;
  logLoss: Estimate | null;
  brier: Estimate | null;
  calibrationError: Estimate | null;
  precisionAtK: (Estimate & { k: number }) | null;
}

export interface Estimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface ModelCard {
  modelId: string;
  version: string;
  kind: 'AUDIO' | 'LYRICS' | string;
  demonstration: boolean;
  notice: string | null;
  trainedAt: string | null;
  intendedUse: string | null;
  trainedOn: TrainedOn | null;
  heldOut: HeldOut | null;
  limits: string[];
}

export interface TrainedOn {
  source: string | null;
  dataset: string | null;
  songs: number | null;
  hits: number | null;
  labelRule: string | null;
  releaseYears: { from: number; to: number } | null;
  trainingSongs: number | null;
  validationSongs: number | null;
}

export interface HeldOut {
  songs: number | null;
  hits: number | null;
  auc: number | null;
  accuracy: number | null;
  logLoss: number | null;
  calibrationError: number | null;
}

export interface Combination {
  method: string | null;
  audioWeight: number;
  lyricsWeight: number;
  bias: number;
}

export const MODELS_URL = '/api/v1/models';
