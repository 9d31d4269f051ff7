import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useSession } from '../../auth/session';
import { ReportAction } from '../../community/post/ReportAction';
import { LikeButton } from '../../leaderboard/LikeButton';
import { LyricsView } from '../../publication/LyricsView';
import { ModerationControls } from '../../publication/ModerationControls';
import { ModerationNotice } from '../../publication/ModerationNotice';
import { PublicationControls } from '../../publication/PublicationControls';
import { PublishedPlayer } from '../../publication/PublishedPlayer';
import { usePublishedAudio } from '../../publication/usePublishedAudio';
import { Button, Notice } from '../../ui';
import { useGenreCard, usePrediction, useSpectrogramUrl } from '../api';
import { useHeldTrack } from '../localAudio';
import type { GenreCard, PredictionView } from '../types';
import { ResultActions } from './ResultActions';
import { ResultView } from './ResultView';

/** /analyses/:id — one analysis; the API's 404 (also another member's private one) is the app's not-found page. */
export function ResultPage() {
  const { id } = useParams();
  const { t } = useTranslation('analysis');
  const problems = useProblemText();
  const prediction = usePrediction(id);
  const spectrogram = useSpectrogramUrl(prediction.data ? id : undefined);
  const card = useGenreCard(prediction.data?.genre);
  useDocumentTitle(prediction.data ? (prediction.data.title ?? t('untitled')) : t('result.title'));

  if (prediction.isPending) {
    return (
      <p role="status" aria-busy="true">
        {t('result.loading')}
      </p>
    );
  }
  if (prediction.isError) {
    // 400 too: an id that is no UUID names nothing, just as an unknown one.
    if (isApiError(prediction.error) && (prediction.error.status === 404 || prediction.error.status === 400)) return <NotFoundPage />;
    return (
      <Notice tone="error" title={t('result.loadFailed')}>
        <p>{problems.message(prediction.error)}</p>
        <Button variant="secondary" onClick={() => void prediction.refetch()}>
          {t('retry')}
        </Button>
      </Notice>
    );
  }
  return <LoadedResult view={prediction.data} spectrogramUrl={spectrogram.url} spectrogramFailed={spectrogram.isError} card={card.data} />;
}

interface LoadedResultProps {
  view: PredictionView;
  spectrogramUrl?: string;
  spectrogramFailed: boolean;
  card?: GenreCard;
}

/**
 * The analysis with what its viewer may do: the owner's actions and publishing, the like, the published track and
 * lyrics for whoever may hear them, and an administrator's moderation.
 */
function LoadedResult({ view, spectrogramUrl, spectrogramFailed, card }: LoadedResultProps) {
  const { t } = useTranslation('publication');
  const { member } = useSession();
  const held = useHeldTrack(view.id);
  const isAdmin = member?.roles.includes('ADMIN') ?? false;
  const title = view.title ?? t('untitled', { ns: 'analysis' });
  // The browser's own copy plays without the network; the published one streams when there is no copy here.
  const streams = Boolean(view.publication?.audio) && !held;
  const published = usePublishedAudio(view.id, streams);

  return (
    <ResultView
      view={view}
      spectrogramUrl={spectrogramUrl}
      spectrogramFailed={spectrogramFailed}
      file={held?.audio}
      card={card}
      banner={view.ownedByMe && view.moderation ? <ModerationNotice moderation={view.moderation} /> : undefined}
      // A shared analysis is seen by other members too: the owner's actions are for its owner only.
      actions={
        <>
          {view.ownedByMe && <ResultActions view={view} canAnalyseAgain={held !== undefined} />}
          {(view.shared || view.ownedByMe) && (
            <div className="result__social">
              <LikeButton id={view.id} title={title} likes={view.likes} likedByMe={view.likedByMe} />
              {view.publication?.audio && (
                <span className="badge badge--listen" data-testid="result-listen-badge">
                  {t('badge.listen')}
                </span>
              )}
              {view.publication?.lyrics && (
                <span className="badge badge--lyrics" data-testid="result-lyrics-badge">
                  {t('badge.lyrics')}
                </span>
              )}
              {view.shared && !view.ownedByMe && <ReportAction targetType="LEADERBOARD_ENTRY" targetId={view.id} what={title} />}
            </div>
          )}
          {view.ownedByMe && <PublicationControls view={view} held={held} />}
          {isAdmin && <ModerationControls id={view.id} moderation={view.moderation ?? null} />}
        </>
      }
      listen={streams ? { player: <PublishedPlayer audio={published} title={title} />, timeline: published.availability === 'gone' ? undefined : { currentTime: published.clock.currentTime, seek: published.seek } } : undefined}
      noPlayerNote={view.ownedByMe ? undefined : t('player.notPublished')}
      extra={view.publication?.lyrics ? <LyricsView id={view.id} /> : undefined}
    />
  );
}
