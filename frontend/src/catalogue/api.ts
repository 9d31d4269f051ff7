import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiBlob, uploadWithProgress } from '../api/client';
import type { Genre } from '../analysis/types';

/** Server state of the catalogue screen: batch prediction jobs (docs/prediction-jobs.md) and their webhook log. */

export const JOBS = '/api/v1/prediction-jobs';

export type JobState = 'RUNNING' | 'COMPLETED';
export type ItemState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';
export type WebhookState = 'NONE' | 'PENDING' | 'DELIVERED' | 'FAILED';

export interface JobProgress {
  queued: number;
  running: number;
  succeeded: number;
  failed: number;
  /** The share finished, 0 to 1. */
  done: number;
}

export interface JobWebhook {
  url: string;
  state: WebhookState;
  attempts: number;
  lastStatus?: number | null;
  lastError?: string | null;
}

export interface ItemProblem {
  /** The problem type URI, e.g. https://hitter.dev/problems/audio-not-supported. */
  type: string;
  detail?: string | null;
  reason?: string | null;
}

export interface JobItem {
  position: number;
  file: string;
  title?: string | null;
  artist?: string | null;
  genre?: Genre | null;
  state: ItemState;
  attempts: number;
  predictionId?: string | null;
  hitProbability?: number | null;
  audioProbability?: number | null;
  lyricsProbability?: number | null;
  modelSetVersion?: string | null;
  demonstration?: boolean | null;
  problem?: ItemProblem | null;
  finishedAt?: string | null;
}

export interface Job {
  id: string;
  state: JobState;
  createdAt: string;
  finishedAt?: string | null;
  total: number;
  progress: JobProgress;
  webhook?: JobWebhook | null;
  items?: JobItem[] | null;
  links?: { self: string; results: string; resultsCsv: string };
  /** Only in the answer to the submission that made it, when the service made the key itself. */
  webhookSecret?: string | null;
}

export interface JobPage {
  items: Job[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface WebhookDelivery {
  deliveryId: string;
  attempt: number;
  attemptedAt: string;
  /** The receiver's HTTP status; null when there was no answer. */
  status?: number | null;
  outcome: 'DELIVERED' | 'FAILED';
  error?: string | null;
  durationMs?: number | null;
  redelivery: boolean;
}

export interface WebhookLog {
  items: WebhookDelivery[];
  state: WebhookState;
  nextAttemptAt?: string | null;
}

/** What the catalogue form sends: either one genre for every track, or a manifest (JSON text, or a .json file). */
export interface JobSubmission {
  audio: File[];
  lyrics: File[];
  genre?: Genre;
  manifest?: { text: string } | { file: File };
  webhookUrl?: string;
}

export const JOB_PAGE_SIZE = 20;
/** How often a running job, and a webhook still being delivered, are asked about again. */
export const POLL_MS = 2000;

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => ['jobs', 'list'] as const,
  job: (id: string) => ['jobs', 'job', id] as const,
  deliveries: (id: string) => ['jobs', 'deliveries', id] as const,
};

export function jobForm(submission: JobSubmission): FormData {
  const form = new FormData();
  for (const file of [...submission.audio, ...submission.lyrics]) form.append('files', file, file.name);
  if (submission.manifest && 'text' in submission.manifest) form.append('manifest', submission.manifest.text);
  else if (submission.manifest) form.append('manifest', submission.manifest.file, submission.manifest.file.name);
  else if (submission.genre) form.append('genre', submission.genre);
  if (submission.webhookUrl) form.append('webhookUrl', submission.webhookUrl);
  return form;
}

export function useSubmitJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ submission, onProgress }: { submission: JobSubmission; onProgress: (sent: number, total: number) => void }) =>
      uploadWithProgress<Job>(JOBS, jobForm(submission), onProgress),
    onSuccess: (job) => {
      // The secret is shown once by the page that asked; it is not kept in the cache.
      queryClient.setQueryData(jobKeys.job(job.id), { ...job, webhookSecret: undefined });
      void queryClient.invalidateQueries({ queryKey: jobKeys.list() });
    },
  });
}

export function useJobs() {
  return useInfiniteQuery({
    queryKey: jobKeys.list(),
    queryFn: ({ pageParam }) => api<JobPage>(`${JOBS}?page=${pageParam}&size=${JOB_PAGE_SIZE}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.page + 1 < last.totalPages ? last.page + 1 : undefined),
  });
}

/** The job, asked about again every couple of seconds while it runs. */
export function useJob(id: string) {
  return useQuery({
    queryKey: jobKeys.job(id),
    queryFn: () => api<Job>(`${JOBS}/${encodeURIComponent(id)}`),
    refetchInterval: (query) => (query.state.data?.state === 'RUNNING' || query.state.data?.webhook?.state === 'PENDING' ? POLL_MS : false),
  });
}

export function useWebhookDeliveries(id: string, enabled: boolean) {
  return useQuery({
    queryKey: jobKeys.deliveries(id),
    queryFn: () => api<WebhookLog>(`${JOBS}/${encodeURIComponent(id)}/webhook-deliveries`),
    enabled,
    refetchInterval: (query) => (query.state.data?.state === 'PENDING' ? POLL_MS : false),
  });
}

export function useRedeliver(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // 202 with the delivery log: shown at once, then asked again as the new delivery goes out.
    mutationFn: () => api<WebhookLog | undefined>(`${JOBS}/${encodeURIComponent(id)}/webhook-deliveries`, { method: 'POST' }),
    onSuccess: (log) => {
      if (log?.items) queryClient.setQueryData(jobKeys.deliveries(id), log);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: jobKeys.deliveries(id) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.job(id) });
    },
  });
}

/**
 * Downloads a job's results as CSV. The file needs the token, so a plain link cannot fetch it: the blob is fetched
 * through the API client, handed to a temporary link as an object URL, and the URL revoked once the download started.
 */
export async function downloadResultsCsv(id: string): Promise<void> {
  const blob = await apiBlob(`${JOBS}/${encodeURIComponent(id)}/results.csv`, { headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `prediction-job-${id}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
