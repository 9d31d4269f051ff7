import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useObjectUrl } from '../api';
import { useTrackClock, type TrackClock } from './trackClock';

/** The media type to ask the browser about: the file's own, else one from its extension (drag-and-drop may give none). */
export function mediaTypeOf(file: Pick<File, 'name' | 'type'>): string {
  if (file.type) return file.type;
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const byExtension: Record<string, string> = {
    wav: 'audio/wav',
    wave: 'audio/wav',
    aif: 'audio/aiff',
    aiff: 'audio/aiff',
    aifc: 'audio/aiff',
    mp3: 'audio/mpeg',
    flac: 'audio/flac',
    ogg: 'audio/ogg',
    oga: 'audio/ogg',
    opus: 'audio/ogg; codecs=opus',
    m4a: 'audio/mp4',
  };
  return byExtension[extension] ?? '';
}

export type Playability = 'playable' | 'unplayable';

export interface OwnAudio {
  /** The object URL of the member's file, for <audio src>; undefined when it cannot be played. */
  src: string | undefined;
  playability: Playability;
  currentTime: number;
  playing: boolean;
  audioRef: RefObject<HTMLAudioElement | null>;
  /** Jumps to a track time and plays from there. */
  seek: (trackSeconds: number) => void;
  /** Handlers for the <audio> element. */
  events: TrackClock['events'] & { onError: () => void };
}

/**
 * Plays the member's own file from the browser's memory. Whether the browser can play the format is asked before
 * (canPlayType: Chromium plays no AIFF) and watched after (the error event: a type it claims but cannot decode).
 * The clock (time, playhead, seeking) is the one every player shares: trackClock.ts.
 */
export function useOwnAudio(file: File | undefined): OwnAudio {
  const [failed, setFailed] = useState(false);
  const clock = useTrackClock();
  const { audioRef, moveTo, reset } = clock;

  const supported = file ? canPlay(mediaTypeOf(file)) : false;
  const url = useObjectUrl(file && supported ? file : undefined);

  useEffect(() => {
    setFailed(false);
    reset();
  }, [file, reset]);

  const seek = useCallback(
    (trackSeconds: number) => {
      const element = audioRef.current;
      if (!element) return;
      moveTo(trackSeconds);
      // Browsers may refuse to play without a gesture; the seek stands either way.
      void element.play()?.catch(() => undefined);
    },
    [audioRef, moveTo],
  );

  const playability: Playability = file && supported && !failed ? 'playable' : 'unplayable';
  return {
    src: playability === 'playable' ? url : undefined,
    playability,
    currentTime: clock.currentTime,
    playing: clock.playing,
    audioRef,
    seek,
    events: { ...clock.events, onError: () => setFailed(true) },
  };
}

function canPlay(type: string): boolean {
  if (!type || typeof document === 'undefined') return false;
  return document.createElement('audio').canPlayType(type) !== '';
}
