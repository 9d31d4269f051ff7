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
