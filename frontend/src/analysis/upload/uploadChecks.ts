import type { Genre } from '../types';

/**
 * What the analyse form checks before sending. These help a member fix the obvious at once; they never replace the
 * server's checks (a text file named .mp3 passes here and is refused by the decoder).
 */

/** A message from the analysis catalogue: its key and the values it names. */
export interface FieldMessage {
  key: string;
  values?: Record<string, string | number>;
  /** The server's own words, shown when the catalogue has no better ones. */
  detail?: string;
}

/** prediction-service `hitter.prediction.max-upload-size`, default 60 MB (Spring's DataSize: 60 × 1024²). */
export const MAX_UPLOAD_MEGABYTES = 60;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MEGABYTES * 1024 * 1024;

/** TrackForm.MAX_LABEL_LENGTH: title and artist, counted as the server counts (UTF-16 units). */
export const MAX_LABEL_LENGTH = 200;

/** LyricsNormalizer.DEFAULT_MAX_CHARACTERS. */
export const MAX_LYRICS_CHARACTERS = 20_000;

/** TrackForm.MAX_LYRICS_FILE: 256 KB. */
export const MAX_LYRICS_FILE_BYTES = 256 * 1024;

/** The formats the decoder reads (WAV, AIFF, MP3, FLAC, OGG, Opus, M4A). */
export const AUDIO_EXTENSIONS = ['.wav', '.wave', '.aif', '.aiff', '.aifc', '.mp3', '.flac', '.ogg', '.oga', '.opus', '.m4a'];

/** For the file picker: the extensions, and audio types for systems that filter by type. */
export const AUDIO_ACCEPT = ['audio/*', ...AUDIO_EXTENSIONS].join(',');

export const LYRICS_ACCEPT = '.txt,.lrc,text/plain';

export function hasAudioExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return AUDIO_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function isLyricsFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.txt') || lower.endsWith('.lrc');
}

export function checkAudioFile(file: File): FieldMessage | null {
  if (file.size === 0) return { key: 'audio.empty' };
  if (!hasAudioExtension(file.name) && !file.type.startsWith('audio/')) return { key: 'audio.notAudio' };
  if (file.size > MAX_UPLOAD_BYTES) return { key: 'audio.tooBig', values: { max: MAX_UPLOAD_MEGABYTES } };
  return null;
}

export function checkLyricsFile(file: File): FieldMessage | null {
  if (!isLyricsFileName(file.name)) return { key: 'lyrics.notTextFile' };
  if (file.size > MAX_LYRICS_FILE_BYTES) return { key: 'lyrics.fileTooBig', values: { max: 256 } };
  return null;
}

export interface TrackFormValues {
  genre: Genre | null;
  audio: File | null;
  title: string;
  artist: string;
  lyrics: string;
}

export type TrackField = 'genre' | 'audio' | 'title' | 'artist' | 'lyrics';

export type FieldMessages = Partial<Record<TrackField, FieldMessage>>;

/** Every problem the form can see by itself, per field; empty when it may be sent. */
export function checkTrackForm(values: TrackFormValues): FieldMessages {
  const errors: FieldMessages = {};
  if (!values.genre) errors.genre = { key: 'genre.required' };
  if (!values.audio) errors.audio = { key: 'audio.required' };
  else {
    const audio = checkAudioFile(values.audio);
    if (audio) errors.audio = audio;
  }
  for (const field of ['title', 'artist'] as const) {
    if (values[field].length > MAX_LABEL_LENGTH) errors[field] = { key: 'label.tooLong', values: { max: MAX_LABEL_LENGTH } };
  }
  if (values.lyrics.length > MAX_LYRICS_CHARACTERS) {
    errors.lyrics = { key: 'lyrics.tooLong', values: { max: MAX_LYRICS_CHARACTERS } };
  }
  return errors;
}
