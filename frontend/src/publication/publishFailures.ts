import { useSyncExternalStore } from 'react';

/**
 * Publishing that failed right after an analysis (the member ticked "publish" on the analyse page): the analysis is
 * kept, and the result page says what failed and offers to try again. In this tab's memory only, like the held file
 * the retry needs.
 */
const failures = new Map<string, unknown>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

export function recordPublishFailure(predictionId: string, error: unknown): void {
  failures.set(predictionId, error);
  changed();
}

export function clearPublishFailure(predictionId: string): void {
  if (failures.delete(predictionId)) changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The error publishing this analysis failed with, or undefined. */
export function usePublishFailure(predictionId: string): unknown {
  return useSyncExternalStore(subscribe, () => failures.get(predictionId));
}
