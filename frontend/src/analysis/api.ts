import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, apiBlob, uploadWithProgress } from '../api/client';
import { forgetTrack } from './localAudio';
import type { Genre, GenreCard, PredictionPage, PredictionView } from './types';

/** Server state of the analysis journey: one place for the addresses and the cache keys. */

export const PREDICTIONS = '/api/v1/predictions';

/** The address of one prediction; the id comes from the URL, so it is encoded and never joins the path raw. */
export function predictionPath(id: string): string {
  return `${PREDICTIONS}/${encodeURIComponent(id)}`;
}

export const predictionKeys = {
  all: ['predictions'] as const,
  lists: () => ['predictions', 'list'] as const,
  list: (query: string) => ['predictions', 'list', query] as const,
  one: (id: string) => ['predictions', 'one', id] as const,
  spectrogram: (id: string) => ['predictions', 'spectrogram', id] as const,
};

export function usePrediction(id: string | undefined) {
  return useQuery({
    queryKey: predictionKeys.one(id ?? ''),
    queryFn: () => api<PredictionView>(predictionPath(id ?? '')),
    enabled: Boolean(id),
  });
}

export function usePredictionPage(query: string) {
  return useQuery({
    queryKey: predictionKeys.list(query),
    queryFn: () => api<PredictionPage>(`${PREDICTIONS}?${query}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * An object URL of the spectrogram PNG (it needs the token, so an <img src> cannot fetch it), revoked when the
 * picture changes or the component goes.
 */
export function useSpectrogramUrl(id: string | undefined) {
  const query = useQuery({
    queryKey: predictionKeys.spectrogram(id ?? ''),
    queryFn: () => apiBlob(`${predictionPath(id ?? '')}/spectrogram.png`),
    enabled: Boolean(id),
    staleTime: Infinity, // The picture of an analysis never changes.
  });
  const url = useObjectUrl(query.data);
  return { url, isError: query.isError, isPending: query.isPending && Boolean(id) };
}

/** An object URL for a blob or file, revoked when it changes or the component unmounts. */
export function useObjectUrl(blob: Blob | undefined | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) {
      setUrl(undefined);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}

export interface PredictionChanges {
  artist?: string;
  title?: string;
  shared?: boolean;
}

export function useChangePrediction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: PredictionChanges) =>
      api<PredictionView>(predictionPath(id), {
        method: 'PATCH',
        // Merge-patch meaning; the server takes it as application/json too, which the client sends.
        json: changes,
      }),
    onSuccess: (view) => {
      client.setQueryData(predictionKeys.one(id), view);
      void client.invalidateQueries({ queryKey: predictionKeys.lists() });
    },
  });
}

export function useDeletePrediction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(predictionPath(id), { method: 'DELETE' }),
    onSuccess: (_nothing, id) => {
      forgetTrack(id);
      client.removeQueries({ queryKey: predictionKeys.one(id) });
      client.removeQueries({ queryKey: predictionKeys.spectrogram(id) });
      void client.invalidateQueries({ queryKey: predictionKeys.lists() });
    },
  });
}

export interface AnalysisRequest {
  genre: Genre;
  audio: File;
  lyrics: string;
  title: string;
  artist: string;
}

/** POST /api/v1/predictions as multipart, reporting the bytes sent. */
export function sendForAnalysis(
  request: AnalysisRequest,
  onProgress: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<PredictionView> {
  const form = new FormData();
  form.set('genre', request.genre);
  form.set('audio', request.audio, request.audio.name);
  // An attached .txt/.lrc was read into the text box (the member sees and may edit it); the server's lyrics
  // normaliser drops LRC tags from text as well.
  if (request.lyrics.trim() !== '') form.set('lyrics', request.lyrics);
  if (request.title.trim() !== '') form.set('title', request.title);
  if (request.artist.trim() !== '') form.set('artist', request.artist);
  return uploadWithProgress<PredictionView>(PREDICTIONS, form, onProgress, signal);
}

/** The card of the models serving a genre now (public); a result shows it only if the same models scored it. */
export function useGenreCard(genre: Genre | undefined) {
  return useQuery({
    queryKey: ['models', genre ?? ''],
    queryFn: () => api<GenreCard>(`/api/v1/models/${encodeURIComponent(genre ?? '')}`),
    enabled: Boolean(genre),
    staleTime: 60_000,
    retry: false,
  });
}
