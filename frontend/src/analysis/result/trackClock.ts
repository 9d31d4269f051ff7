import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * The part every player of a track shares, whatever the <audio> plays (the member's own file from memory, or the
 * published copy streamed from the server): where the element is, whether it plays, how long the track is, and
 * moving it. Times are track seconds, the unit of the result page's time axis (timeAxis.ts), so the spectrogram's
 * playhead and seeking work alike for both. While playing, the time is read every animation frame so that the
 * playhead moves smoothly; timeupdate alone comes four times a second.
 */
export interface TrackClock {
  audioRef: RefObject<HTMLAudioElement | null>;
  currentTime: number;
  /** Seconds, once the element knows (NaN before). */
  duration: number;
  playing: boolean;
  /** Moves the element to a track time without starting it. */
  moveTo: (trackSeconds: number) => void;
  /** Back to the start, as for another file. */
  reset: () => void;
  /** Handlers for the <audio> element. */
  events: {
    onTimeUpdate: () => void;
    onSeeked: () => void;
    onPlay: () => void;
    onPause: () => void;
    onEnded: () => void;
    onLoadedMetadata: () => void;
    onDurationChange: () => void;
  };
}

export function useTrackClock(): TrackClock {
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const [currentTime, setCurrentTime] = useState(0);
  const [duration, setDuration] = useState(Number.NaN);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      const element = audioRef.current;
      if (element) setCurrentTime(element.currentTime);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  const read = useCallback(() => {
    const element = audioRef.current;
    if (element) setCurrentTime(element.currentTime);
  }, []);

  const readDuration = useCallback(() => {
    const element = audioRef.current;
    if (element) setDuration(element.duration);
  }, []);

  const moveTo = useCallback((trackSeconds: number) => {
    const element = audioRef.current;
    if (!element) return;
    const limit = Number.isFinite(element.duration) ? element.duration : Number.POSITIVE_INFINITY;
    element.currentTime = Math.min(limit, Math.max(0, trackSeconds));
    setCurrentTime(element.currentTime);
  }, []);

  const reset = useCallback(() => {
    setCurrentTime(0);
    setDuration(Number.NaN);
    setPlaying(false);
  }, []);

  return {
    audioRef,
    currentTime,
    duration,
    playing,
    moveTo,
    reset,
    events: {
      onTimeUpdate: read,
      onSeeked: read,
      onPlay: () => setPlaying(true),
      onPause: () => {
        setPlaying(false);
        read();
      },
      onEnded: () => setPlaying(false),
      onLoadedMetadata: readDuration,
      onDurationChange: readDuration,
    },
  };
}
