import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/problem';
import { useTrackClock, type TrackClock } from '../analysis/result/trackClock';
import { requestAudioTicket, type AudioTicket } from './api';

/**
 * - `opening`: asking for the first ticket;
 * - `ready`: the element has a ticket address and plays on request;
 * - `gone`: the server said 404 — unpublished, hidden or deleted since the page opened: "no longer available";
 * - `failed`: another answer (network, 5xx); `retry()` asks again.
 */
export type Availability = 'opening' | 'ready' | 'gone' | 'failed';

export interface PublishedAudio {
  availability: Availability;
  /** Why the last ticket was refused when `failed`. */
  error: unknown;
  clock: TrackClock;
  /** Press of play: a fresh ticket first (that is how the page learns at once that the audio was unpublished). */
  play: () => Promise<void>;
  pause: () => void;
  /** Jumps to a track time and plays from there (a click on the spectrogram, the heat strip, a top segment). */
  seek: (trackSeconds: number) => void;
  /** The slider: moves without starting playback. */
  moveTo: (trackSeconds: number) => void;
  retry: () => void;
  /** For the <audio> element, beside clock.events. */
  onError: () => void;
  onPlaying: () => void;
}

// A ticket lives about ten minutes; one about to lapse is replaced before it is used for more ranges.
const RENEW_BEFORE_MS = 60_000;

function expiresSoon(ticket: AudioTicket | undefined): boolean {
  if (!ticket) return true;
  const at = Date.parse(ticket.expiresAt);
  return !Number.isFinite(at) || at - Date.now() < RENEW_BEFORE_MS;
}

/**
 * Streams a published track through tickets (api-11.md): an <audio> element cannot send the Authorization header,
 * so it plays `/audio?ticket=…`. A ticket is asked for when the player opens and again at every press of play; a
 * 404 then means the owner unpublished it (or an administrator hid it): the player gives way to "no longer
 * available". When the element fails mid-stream (say the ticket lapsed during a long pause), one new ticket is asked
 * for and playback resumes where it was; a second failure in a row is reported. The element's src is set here, not
 * by React: setting it reloads the media, and only this hook knows when that is wanted.
 */
export function usePublishedAudio(id: string, enabled: boolean): PublishedAudio {
  const clock = useTrackClock();
  const { audioRef, moveTo } = clock;
  const [availability, setAvailability] = useState<Availability>('opening');
  const [error, setError] = useState<unknown>();
  const ticket = useRef<AudioTicket>(undefined);
  // Where to put the element once a new address has loaded its metadata (a new src starts at 0).
  const resumeAt = useRef<number | null>(null);
  const retriedAfterError = useRef(false);
  const wantsToPlay = useRef(false);
  const alive = useRef(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const forget = useCallback(() => {
    ticket.current = undefined;
    wantsToPlay.current = false;
    const element = audioRef.current;
    if (element) {
      element.pause();
      element.removeAttribute('src');
    }
  }, [audioRef]);

  /** A new ticket, or undefined after saying why there is none. */
  const fresh = useCallback(async (): Promise<AudioTicket | undefined> => {
    try {
      const answer = await requestAudioTicket(id);
      if (!alive.current) return undefined;
      setAvailability('ready');
      setError(undefined);
      return answer;
    } catch (failure) {
      if (!alive.current) return undefined;
      forget();
      setError(failure);
      setAvailability(isApiError(failure) && failure.status === 404 ? 'gone' : 'failed');
      return undefined;
    }
  }, [forget, id]);

  const use = useCallback(
    (next: AudioTicket, keepPosition: boolean) => {
      const element = audioRef.current;
      ticket.current = next;
      if (!element) return;
      resumeAt.current = keepPosition && element.currentTime > 0 ? element.currentTime : null;
      element.src = next.url;
    },
    [audioRef],
  );

  // The player opens: the first ticket, so that the metadata (the duration) loads.
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setAvailability('opening');
    void (async () => {
      const first = await fresh();
      if (current && first) use(first, false);
    })();
    return () => {
      current = false;
    };
  }, [enabled, fresh, use, attempt]);

  const play = useCallback(async () => {
    wantsToPlay.current = true;
    const next = await fresh();
    if (!next) return;
    const element = audioRef.current;
    if (!element) return;
    // The address in use stays while it is good: a new one would reload the media.
    if (!element.getAttribute('src') || expiresSoon(ticket.current)) use(next, true);
    if (!wantsToPlay.current) return;
    // Browsers may refuse to play without a gesture; the press stands as a request.
    await element.play()?.catch(() => undefined);
  }, [audioRef, fresh, use]);

  const pause = useCallback(() => {
    wantsToPlay.current = false;
    audioRef.current?.pause();
  }, [audioRef]);

  const seek = useCallback(
    (trackSeconds: number) => {
      moveTo(trackSeconds);
      if (!clock.playing) void play();
    },
    [clock.playing, moveTo, play],
  );

  const onError = useCallback(() => {
    const element = audioRef.current;
    // Taking the address away on purpose makes the element complain too; that is no failure.
    if (!element || !element.getAttribute('src') || !ticket.current) return;
    if (retriedAfterError.current) {
      setAvailability('failed');
      return;
    }
    retriedAfterError.current = true;
    const position = element.currentTime;
    const resume = wantsToPlay.current;
    void (async () => {
      const next = await fresh();
      if (!next) return;
      use(next, false);
      resumeAt.current = position > 0 ? position : null;
      if (resume) await element.play()?.catch(() => undefined);
    })();
  }, [audioRef, fresh, use]);

  const onPlaying = useCallback(() => {
    retriedAfterError.current = false;
  }, []);

  const events = clock.events;
  const onLoadedMetadata = events.onLoadedMetadata;
  const withResume: TrackClock = {
    ...clock,
    events: {
      ...events,
      onLoadedMetadata: () => {
        onLoadedMetadata();
        const element = audioRef.current;
        if (element && resumeAt.current !== null) {
          element.currentTime = resumeAt.current;
          resumeAt.current = null;
        }
      },
    },
  };

  return {
    availability,
    error,
    clock: withResume,
    play,
    pause,
    seek,
    moveTo,
    retry: () => {
      retriedAfterError.current = false;
      setAttempt((n) => n + 1);
    },
    onError,
    onPlaying,
  };
}
