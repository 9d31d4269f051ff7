import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useObjectUrl } from '../api';

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
  events: {
    onTimeUpdate: () => void;
    onSeeked: () => void;
    onPlay: () => void;
    onPause: () => void;
    onEnded: () => void;
    onError: () => void;
  };
}

/**
 * Plays the member's own file from the browser's memory. Whether the browser can play the format is asked before
 * (canPlayType: Chromium plays no AIFF) and watched after (the error event: a type it claims but cannot decode).
 * While playing, the time is read every animation frame so that the playhead moves smoothly; timeupdate alone
 * comes four times a second.
 */
export function useOwnAudio(file: File | undefined): OwnAudio {
  const [failed, setFailed] = useState(false);
  const [currentTime, setCurrentTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const audioRef = useRef<HTMLAudioElement | null>(null);

  const supported = file ? canPlay(mediaTypeOf(file)) : false;
  const url = useObjectUrl(file && supported ? file : undefined);

  useEffect(() => {
    setFailed(false);
    setCurrentTime(0);
    setPlaying(false);
  }, [file]);

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

  const seek = useCallback((trackSeconds: number) => {
    const element = audioRef.current;
    if (!element) return;
    element.currentTime = Math.max(0, trackSeconds);
    setCurrentTime(element.currentTime);
    // Browsers may refuse to play without a gesture; the seek stands either way.
    void element.play()?.catch(() => undefined);
  }, []);

  const playability: Playability = file && supported && !failed ? 'playable' : 'unplayable';
  return {
    src: playability === 'playable' ? url : undefined,
    playability,
    currentTime,
    playing,
    audioRef,
    seek,
    events: {
      onTimeUpdate: read,
      onSeeked: read,
      onPlay: () => setPlaying(true),
      onPause: () => {
        setPlaying(false);
        read();
      },
      onEnded: () => setPlaying(false),
      onError: () => setFailed(true),
    },
  };
}

function canPlay(type: string): boolean {
  if (!type || typeof document === 'undefined') return false;
  return document.createElement('audio').canPlayType(type) !== '';
}
