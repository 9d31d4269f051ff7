import { useSyncExternalStore } from 'react';
import type { Genre } from './types';

/**
 * The member's own file and what was sent with it, held in this tab's memory after an analysis: the server keeps
 * no audio, so the result page plays this copy, and "analyse again as another genre" resends it. Gone on reload;
 * never written to storage (it is unreleased work).
 */
export interface HeldTrack {
  audio: File;
  genre: Genre;
  title: string;
  artist: string;
  lyrics: string;
}

// A few at most: each may be tens of megabytes, and only the latest ones are likely to be played again.
const MAX_HELD = 6;

const held = new Map<string, HeldTrack>();
const listeners = new Set<() => void>();

function changed() {
  for (const listener of listeners) listener();
}

export function holdTrack(predictionId: string, track: HeldTrack): void {
  held.delete(predictionId);
  held.set(predictionId, track);
  while (held.size > MAX_HELD) {
    const oldest = held.keys().next().value;
    if (oldest === undefined) break;
    held.delete(oldest);
  }
  changed();
}

export function heldTrack(predictionId: string | undefined): HeldTrack | undefined {
  return predictionId === undefined ? undefined : held.get(predictionId);
}

export function forgetTrack(predictionId: string): void {
  if (held.delete(predictionId)) changed();
}

/** On sign-out (the next person at this screen must not hear the last one's tracks), and in tests. */
export function forgetAllTracks(): void {
  held.clear();
  changed();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The held track for a prediction, re-rendering when it is held or forgotten. */
export function useHeldTrack(predictionId: string | undefined): HeldTrack | undefined {
  return useSyncExternalStore(subscribe, () => heldTrack(predictionId));
}
