import type { FieldMessage, TrackField } from './uploadChecks';

/**
 * Where the analyse form explains the server's refusal: next to the field at fault (the problem's `errors`, and
 * its `type`/`reason` for the plain words), or above the form for what no field caused (a lost connection, an
 * ended session, a busy service). Keys are in the analysis catalogue; the server's detail is the fallback.
 */

/** The parts of src/api's ApiError this needs, so that it can be tested without the client. */
export interface ProblemLike {
  kind: 'problem' | 'network' | 'unexpected';
  status: number;
  type: string;
  reason?: string;
  detail?: string;
  fieldErrors: Record<string, string>;
}

export interface PlacedProblem {
  fields: Partial<Record<TrackField, FieldMessage>>;
  form?: FieldMessage;
}

const AUDIO_REASONS = new Set([
  'empty', 'not-audio', 'unsupported-format', 'truncated', 'damaged', 'absurd-parameters', 'too-short', 'too-long',
  'too-large', 'timed-out',
]);

const LYRICS_REASONS = new Set(['too-long', 'not-text']);

const FORM_FIELDS: Record<string, TrackField> = {
  genre: 'genre',
  audio: 'audio',
  title: 'title',
  artist: 'artist',
  lyrics: 'lyrics',
  lyricsFile: 'lyrics',
};

const FORM_LEVEL: Record<string, string> = {
  unauthorized: 'problem.session',
  'invalid-refresh-token': 'problem.session',
  'analyses-busy': 'problem.busy',
  'service-unavailable': 'problem.busy',
  'too-many-requests': 'problem.busy',
  'models-unavailable': 'problem.modelsUnavailable',
  'analysis-limit-reached': 'problem.ownLimit',
  'malformed-request': 'problem.malformed',
};

export function placeUploadProblem(error: ProblemLike): PlacedProblem {
  if (error.kind === 'network') return { fields: {}, form: { key: 'problem.network' } };
  if (error.kind === 'unexpected') return { fields: {}, form: { key: 'problem.unexpected', detail: error.detail } };

  const formLevel = FORM_LEVEL[error.type];
  if (formLevel) return { fields: {}, form: { key: formLevel } };

  const slug = (error.reason ?? '').split('/')[1] ?? '';
  switch (error.type) {
    case 'audio-not-supported':
    case 'audio-rejected':
      return {
        fields: {
          audio: AUDIO_REASONS.has(slug)
            ? { key: `problem.audio.${slug}` }
            : { key: 'problem.audio.rejected', detail: error.detail ?? error.fieldErrors.audio },
        },
      };
    case 'payload-too-large': {
      const field = Object.keys(error.fieldErrors).map((f) => FORM_FIELDS[f]).find(Boolean) ?? 'audio';
      return { fields: { [field]: { key: field === 'audio' ? 'problem.audio.too-large' : 'problem.textTooLarge' } } };
    }
    case 'lyrics-rejected':
      return {
        fields: {
          lyrics: LYRICS_REASONS.has(slug)
            ? { key: `problem.lyrics.${slug}` }
            : { key: 'problem.lyrics.rejected', detail: error.detail },
        },
      };
  }

  const placed: PlacedProblem = { fields: {} };
  let unplaced = false;
  for (const [name, detail] of Object.entries(error.fieldErrors)) {
    const field = FORM_FIELDS[name];
    if (!field) {
      unplaced = true;
      continue;
    }
    placed.fields[field] ??= fieldMessage(field, detail);
  }
  if (unplaced || Object.keys(placed.fields).length === 0) {
    placed.form = { key: 'problem.other', detail: error.detail };
  }
  return placed;
}

function fieldMessage(field: TrackField, detail: string): FieldMessage {
  const atMost = /at most (\d+) characters/.exec(detail);
  if ((field === 'title' || field === 'artist') && atMost) {
    return { key: 'label.tooLong', values: { max: Number(atMost[1]) } };
  }
  if (field === 'genre') return { key: 'genre.required' };
  if (field === 'audio' && /required/.test(detail)) return { key: 'audio.required' };
  return { key: 'problem.field', detail };
}
