import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat';
import { isDemonstration, type GenreCard, type PredictionView } from '../types';
import { DemonstrationNotice } from './DemonstrationNotice';
import { HitGauge } from './HitGauge';
import { resultScale } from './heatScale';
import { LogitLedger } from './LogitLedger';
import { OwnPlayer } from './OwnPlayer';
import { useOwnAudio } from './ownAudio';
import { GenreStanding, ModelSummary } from './ResultDetails';
import { ScoreBreakdown } from './ScoreBreakdown';
import { SegmentTimeline, type TimelinePlayer } from './SegmentTimeline';
import { WordChips } from './WordChips';
import '../analysis.css';
import { headingTag, SectionHeading, useSectionLevel } from '../headings';

interface ResultViewProps {
  view: PredictionView;
  spectrogramUrl?: string;
  spectrogramFailed?: boolean;
  /** The member's own file, while this tab holds it. */
  file?: File;
  /** The owner's actions (share, rename, delete, analyse again), placed under the title. */
  actions?: ReactNode;
  /** Above the title: e.g. "this is an example". */
  banner?: ReactNode;
  linkReferences?: boolean;
  /** The card of the models serving the genre, when known. */
  card?: GenreCard;
  /**
   * Another way to hear the track when this tab holds no file: the published copy (issue 11). `timeline` puts its
   * playhead over the spectrogram and lets the picture seek it.
   */
  listen?: { player: ReactNode; timeline?: TimelinePlayer };
  /** Said where the player would be when there is none (default: the owner's "right after an analysis…"). */
  noPlayerNote?: ReactNode;
  /** After the words: the published lyrics, say. */
  extra?: ReactNode;
}

/**
 * One analysis as a picture: the gauge and the two scores, the segment's spectrogram with its heat strip (and the
 * member's own file playing over it), the words, the genre standing and the models. Renders what it is given and
 * fetches nothing, so the home page's example uses it too.
 */
export function ResultView({
  view,
  spectrogramUrl,
  spectrogramFailed,
  file,
  actions,
  banner,
  linkReferences,
  card,
  listen,
  noPlayerNote,
  extra,
}: ResultViewProps) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const own = useOwnAudio(file);
  const audioTitleId = useId();
  // The title sits one level above the sections: an h1 on its own page, lower inside the home page's example.
  const Title = headingTag(useSectionLevel() - 1);
  const title = view.title ?? t('untitled');
  // One colour scale for the strip and the chips: they are shares of the same logit (older analyses: the strip's own).
  const scale = resultScale(view);

  return (
    <article className="result" data-testid="result">
      {isDemonstration(view) && <DemonstrationNotice view={view} />}
      {banner}
      <header className="result__header">
        <Title className="result__title" data-testid="result-title">
          {title}
        </Title>
        <p className="result__meta">
          {view.artist && <span data-testid="result-artist">{view.artist}</span>}
          {view.artist && ' · '}
          <span>{t(`genre.${view.genre}`)}</span> · <time dateTime={view.createdAt}>{format.dateTime(view.createdAt)}</time>
          {view.shared && (
            <>
              {' · '}
              <span className="badge" data-testid="shared-badge">
                {t('result.sharedBadge')}
              </span>
            </>
          )}
        </p>
        {actions}
      </header>

      <div className="result__headline">
        <HitGauge probability={view.hitProbability} />
        <ScoreBreakdown audioScore={view.audio.score} lyricsScore={view.lyrics.score} combination={view.combination} />
      </div>

      <section className="result__audio" aria-labelledby={audioTitleId}>
        <SectionHeading id={audioTitleId}>{t('timeline.title')}</SectionHeading>
        <p>{t('timeline.intro')}</p>
        {file ? (
          <OwnPlayer own={own} fileName={file.name} />
        ) : listen ? (
          listen.player
        ) : (
          <p className="result__no-file">{noPlayerNote ?? t('player.notHeld')}</p>
        )}
        <SegmentTimeline
          audio={view.audio}
          spectrogramUrl={spectrogramUrl}
          spectrogramFailed={spectrogramFailed}
          maxAbs={scale.maxAbs}
          player={own.playability === 'playable' ? own : file ? undefined : listen?.timeline}
          othersTrack={!view.ownedByMe}
        />
      </section>

      <WordChips lyrics={view.lyrics} maxAbs={scale.oneCurrency ? scale.maxAbs : undefined} />
      <LogitLedger logit={view.logit} hitProbability={view.hitProbability} />
      {extra}

      <div className="result__more">
        <GenreStanding view={view} linkReferences={linkReferences} />
        <ModelSummary view={view} card={card} />
      </div>
    </article>
  );
}
