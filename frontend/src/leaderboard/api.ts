import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { PREDICTIONS, predictionKeys, predictionPath } from '../analysis/api';
import type { Genre, PredictionPage } from '../analysis/types';

/** Server state of the leaderboard and likes (docs/predictions.md "Leaderboard and likes"). */

export const LEADERBOARD_PAGE_SIZE = 20;

export const leaderboardKeys = {
  all: ['predictions', 'leaderboard'] as const,
  page: (genre: Genre, page: number) => ['predictions', 'leaderboard', genre, page] as const,
};

export function useLeaderboard(genre: Genre, page: number) {
  return useQuery({
    queryKey: leaderboardKeys.page(genre, page),
    queryFn: () => api<PredictionPage>(`${PREDICTIONS}/leaderboard?genre=${genre}&page=${page}&size=${LEADERBOARD_PAGE_SIZE}`),
    placeholderData: keepPreviousData,
  });
}

/** PUT or DELETE /{id}/like; both answer 204 and are idempotent, so a repeated press is harmless. */
export function setLiked(id: string, liked: boolean): Promise<void> {
  return api<void>(`${predictionPath(id)}/like`, { method: liked ? 'PUT' : 'DELETE' });
}

/** After a like: the counts the server now holds, wherever they are shown. */
export function useRefreshLikes() {
  const client = useQueryClient();
  return (id: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: predictionKeys.one(id) }),
      client.invalidateQueries({ queryKey: leaderboardKeys.all }),
    ]);
}
