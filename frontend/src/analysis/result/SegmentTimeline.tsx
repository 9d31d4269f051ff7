import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioExplanation } from '../types';
import { HeatStrip } from './HeatStrip';
import { maxAbsContribution } from './heatScale';
import { clock, fractionOf, isOnAxis, segmentToTrack, ticks, timeAxisFor, trackTimeAt } from './timeAxis';
import { SectionHeading } from '../headings';

export interface TimelinePlayer {
  currentTime: number;
  seek: (trackSeconds: number) => void;
}

interface SegmentTimelineProps {
  audio: AudioExplanation;
  /** Object URL of the spectrogram PNG; while it loads (or when it failed) a placeholder of the same size shows. */
  spectrogramUrl?: string;
  spectrogramFailed?: boolean;
  /** The heat scale; defaults to this analysis's own strongest contribution. */
  maxAbs?: number;
  /** Present when the member's own file can play here: the playhead and seeking appear. */
  player?: TimelinePlayer;
  compact?: boolean;
  /** Someone else's track (a shared analysis): the words say "the track", not "your track". */
  othersTrack?: boolean;
}

/**
 * The analysed segment on one time axis: the mel-spectrogram, the heat strip of per-segment contributions under it,
 * the top segments marked, and — while the member's file plays — a playhead over both. With a player the stack is a
 * slider: a click (or arrow keys) seeks; a click on a segment seeks to its start.
 */
export function SegmentTimeline({ audio, spectrogramUrl, spectrogramFailed, maxAbs, player, compact, othersTrack }: SegmentTimelineProps) {
  const { t } = useTranslation('analysis');
  const id = useId();
  const axis = timeAxisFor(audio);
  const scale = maxAbs ?? maxAbsContribution(audio.segments);
  const seekable = Boolean(player);
  const current = player?.currentTime ?? axis.start;
  const showPlayhead = player !== undefined && isOnAxis(axis, current);

  function seekAt(event: MouseEvent<HTMLDivElement>) {
    if (!player) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    player.seek(trackTimeAt(axis, (event.clientX - box.left) / box.width));
  }

  function seekByKey(event: KeyboardEvent<HTMLDivElement>) {
    if (!player) return;
    const from = isOnAxis(axis, current) ? current : axis.start;
    const steps: Record<string, number> = {
      ArrowRight: from + 1,
      ArrowUp: from + 1,
      ArrowLeft: from - 1,
      ArrowDown: from - 1,
      PageUp: from + 5,
      PageDown: from - 5,
      Home: axis.start,
      End: axis.end,
    };
    const target = steps[event.key];
    if (target === undefined) return;
    event.preventDefault();
    player.seek(Math.min(axis.end, Math.max(axis.start, target)));
  }

  const strongestUp = [...audio.segments].sort((a, b) => b.contribution - a.contribution)[0];
  const strongestDown = [...audio.segments].sort((a, b) => a.contribution - b.contribution)[0];
  const summary = t(othersTrack ? 'timeline.summaryOthers' : 'timeline.summary', {
    from: clock(axis.start),
    to: clock(axis.end),
    // A track whose every second pulled the same way has no place of the other kind: say so in words, not "—".
    up: strongestUp && strongestUp.contribution > 0 ? clock(segmentToTrack(axis, strongestUp.fromSeconds)) : t('timeline.nowhere'),
    down: strongestDown && strongestDown.contribution < 0 ? clock(segmentToTrack(axis, strongestDown.fromSeconds)) : t('timeline.nowhere'),
  });

  const sliderProps = seekable
    ? {
        role: 'slider',
        tabIndex: 0,
        'aria-label': t(othersTrack ? 'timeline.seekOthers' : 'timeline.seek'),
        'aria-valuemin': Math.round(axis.start),
        'aria-valuemax': Math.round(axis.end),
        'aria-valuenow': Math.round(Math.min(axis.end, Math.max(axis.start, current))),
        'aria-valuetext': clock(current),
        onClick: seekAt,
        onKeyDown: seekByKey,
      }
    : {};

  return (
    <figure className={`timeline${compact ? ' timeline--compact' : ''}`} aria-labelledby={`${id}-caption`} data-testid="timeline" data-axis-start={axis.start}>
      <div className="timeline__stack" data-seekable={seekable || undefined} {...sliderProps}>
        {spectrogramUrl ? (
          <img
            className="timeline__spectrogram"
            src={spectrogramUrl}
            alt={t('timeline.spectrogramAlt', { from: clock(axis.start), to: clock(axis.end) })}
            data-testid="spectrogram"
            draggable={false}
          />
        ) : (
          <div className="timeline__spectrogram timeline__spectrogram--placeholder" data-testid="spectrogram-placeholder">
            {spectrogramFailed ? t('timeline.spectrogramFailed') : t('timeline.spectrogramLoading')}
          </div>
        )}
        <HeatStrip segments={audio.segments} axis={axis} maxAbs={scale} onSegment={player?.seek} />
        {audio.topSegments.map((segment, index) => {
          const from = fractionOf(axis, segmentToTrack(axis, segment.fromSeconds));
          const to = fractionOf(axis, segmentToTrack(axis, segment.toSeconds));
          return (
            <span
              key={`${segment.fromSeconds}`}
              className="timeline__top"
              style={{ left: `${from * 100}%`, width: `${(to - from) * 100}%` }}
              aria-hidden="true"
              data-testid="top-marker"
            >
              {index + 1}
            </span>
          );
        })}
        {showPlayhead && (
          <span className="timeline__playhead" style={{ left: `${fractionOf(axis, current) * 100}%` }} aria-hidden="true" data-testid="playhead" />
        )}
      </div>
      <div className="timeline__ticks" aria-hidden="true">
        {ticks(axis, compact ? 10 : 5).map((tick) => (
          <span key={tick} style={{ left: `${fractionOf(axis, tick) * 100}%` }}>
            {clock(tick)}
          </span>
        ))}
      </div>
      <figcaption id={`${id}-caption`} className="timeline__caption">
        <span>{summary}</span>{' '}
        <span className="timeline__legend">
          <span className="legend legend--up">{t('timeline.legendUp')}</span>{' '}
          <span className="legend legend--down">{t('timeline.legendDown')}</span>
        </span>
      </figcaption>
      {!compact && (
        <div className="top-segments">
          <SectionHeading sub>{t('timeline.topTitle')}</SectionHeading>
          <ul className="top-segments__list">
            {audio.topSegments.map((segment, index) => {
              const from = segmentToTrack(axis, segment.fromSeconds);
              const words = t('timeline.topItem', { rank: index + 1, from: clock(from), to: clock(segmentToTrack(axis, segment.toSeconds)) });
              return (
                <li key={`${segment.fromSeconds}`}>
                  {player ? (
                    <button type="button" className="outline" onClick={() => player.seek(from)} data-testid="top-segment">
                      {words} — {t('timeline.playFrom')}
                    </button>
                  ) : (
                    <span data-testid="top-segment">{words}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </figure>
  );
}
