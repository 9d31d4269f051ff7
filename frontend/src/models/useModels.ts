import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { MODELS_URL, type ModelCatalogue } from './types';

/** The public model cards; the server caches them a minute, so do we. */
export function useModels() {
  return useQuery({ queryKey: ['models'], queryFn: () => api<ModelCatalogue>(MODELS_URL), staleTime: 60_000 });
}
