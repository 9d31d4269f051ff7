import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { clock as clockText } from '../analysis/result/timeAxis';
import { Button, Notice } from '../ui';
import type { PublishedAudio } from './usePublishedAudio';

/**
 * The published track, streamed: play / pause, a position slider and the clock. The spectrogram and heat strip above
 * it seek too (they get the same player). When the server says the audio is gone, a notice takes the player's place.
 */
export function PublishedPlayer({ audio, title }: { audio: PublishedAudio; title: string }) {
  const { t } = useTranslation('publication');
  const problems = useProblemText();
  const labelId = useId();
  const { clock } = audio;

  if (audio.availability === 'gone') {
    return (
      <Notice tone="warning" title={t('player.goneTitle')} className="track-player__gone">
        <span data-testid="no-longer-available">{t('player.gone')}</span>
      </Notice>
    );
  }

  const known = Number.isFinite(clock.duration) && clock.duration > 0;
  const position = `${clockText(clock.currentTime)} / ${known ? clockText(clock.duration) : '–:––'}`;
  return (
    <div className="track-player" data-testid="published-player">
      <p className="track-player__label" id={labelId}>
        {t('player.label', { title })}
      </p>
      <audio ref={clock.audioRef} preload="metadata" data-testid="published-audio" {...clock.events} onError={audio.onError} onPlaying={audio.onPlaying} />
      <div className="track-player__controls">
        <Button
          className="track-player__play"
          busy={audio.availability === 'opening'}
          aria-describedby={labelId}
          onClick={() => (clock.playing ? audio.pause() : void audio.play())}
          data-testid="play-toggle"
        >
          {clock.playing ? t('player.pause') : t('player.play')}
        </Button>
        <input
          type="range"
          className="track-player__position"
          min={0}
          max={known ? clock.duration : 0}
          step={0.1}
          value={Math.min(clock.currentTime, known ? clock.duration : 0)}
          disabled={!known}
          aria-label={t('player.position')}
          aria-describedby={labelId}
          aria-valuetext={position}
          onChange={(event) => audio.moveTo(Number(event.target.value))}
          data-testid="position"
        />
        <span className="track-player__time" aria-hidden="true" data-testid="position-text">
          {position}
        </span>
      </div>
      {audio.availability === 'failed' && (
        <Notice tone="error" title={t('player.failedTitle')}>
          <p>{problems.message(audio.error)}</p>
          <Button variant="secondary" onClick={audio.retry}>
            {t('player.retry')}
          </Button>
        </Notice>
      )}
    </div>
  );
}
