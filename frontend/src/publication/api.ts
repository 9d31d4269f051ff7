import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { predictionKeys, predictionPath } from '../analysis/api';
import type { ModerationState, PredictionView } from '../analysis/types';

/**
 * Server state of publishing (issue 11, docs in /api/v1/predictions/{id}/publication, …/audio-ticket, …/lyrics,
 * …/moderation): one place for the addresses, the cache keys and what a change invalidates.
 */

export const publicationKeys = {
  lyrics: (id: string) => ['predictions', 'lyrics', id] as const,
};

/** What to publish: the very file that was analysed, and the analysed lyrics when they are to be read too. */
export interface PublishRequest {
  audio: File;
  /** Omitted (or blank): the audio only. */
  lyrics?: string;
}

/** PUT /{id}/publication as multipart; answers the PredictionView (publishing also shares the analysis). */
export function publish(id: string, request: PublishRequest): Promise<PredictionView> {
  const form = new FormData();
  form.set('audio', request.audio, request.audio.name);
  if (request.lyrics !== undefined && request.lyrics.trim() !== '') form.set('lyrics', request.lyrics);
  return api<PredictionView>(`${predictionPath(id)}/publication`, { method: 'PUT', body: form });
}

export function unpublish(id: string): Promise<void> {
  return api<void>(`${predictionPath(id)}/publication`, { method: 'DELETE' });
}

export interface AudioTicket {
  /** A same-origin address for <audio src>: an audio element cannot send the Authorization header. */
  url: string;
  expiresAt: string;
}

/** POST /{id}/audio-ticket: 404 not-found once the audio is not (or no longer) published for the caller. */
export function requestAudioTicket(id: string): Promise<AudioTicket> {
  return api<AudioTicket>(`${predictionPath(id)}/audio-ticket`, { method: 'POST' });
}

/** Keeps the result page and every list in step with a changed prediction. */
function useAfterChange() {
  const client = useQueryClient();
  return (id: string, view?: PredictionView) => {
    if (view) client.setQueryData(predictionKeys.one(id), view);
    else void client.invalidateQueries({ queryKey: predictionKeys.one(id) });
    void client.invalidateQueries({ queryKey: predictionKeys.lists() });
    void client.invalidateQueries({ queryKey: ['predictions', 'leaderboard'] });
    client.removeQueries({ queryKey: publicationKeys.lyrics(id) });
  };
}

export function usePublish(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (request: PublishRequest) => publish(id, request),
    onSuccess: (view) => after(id, view),
  });
}

export function useUnpublish(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: () => unpublish(id),
    onSuccess: () => after(id),
  });
}

/** GET /{id}/lyrics, only when the publication says the lyrics can be read. */
export function usePublishedLyrics(id: string, published: boolean) {
  return useQuery({
    queryKey: publicationKeys.lyrics(id),
    queryFn: () => api<{ text: string }>(`${predictionPath(id)}/lyrics`),
    enabled: published,
    retry: false,
  });
}

export interface ModerationRequest {
  state: ModerationState;
  reason: string;
}

/** PUT /{id}/moderation (administrators): hide or remove with a reason the owner will read. */
export function useModerate(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: (request: ModerationRequest) => api<PredictionView>(`${predictionPath(id)}/moderation`, { method: 'PUT', json: request }),
    onSuccess: (view) => after(id, view),
  });
}

/** DELETE /{id}/moderation (administrators): the entry is back (a removed one without its deleted audio). */
export function useRestore(id: string) {
  const after = useAfterChange();
  return useMutation({
    mutationFn: () => api<void>(`${predictionPath(id)}/moderation`, { method: 'DELETE' }),
    onSuccess: () => after(id),
  });
}
