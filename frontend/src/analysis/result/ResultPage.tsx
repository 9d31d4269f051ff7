import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Button, Notice } from '../../ui';
import { useGenreCard, usePrediction, useSpectrogramUrl } from '../api';
import { useHeldTrack } from '../localAudio';
import { ResultActions } from './ResultActions';
import { ResultView } from './ResultView';

/** /analyses/:id — one analysis; the API's 404 (also another member's private one) is the app's not-found page. */
export function ResultPage() {
  const { id } = useParams();
  const { t } = useTranslation('analysis');
  const problems = useProblemText();
  const prediction = usePrediction(id);
  const spectrogram = useSpectrogramUrl(prediction.data ? id : undefined);
  const held = useHeldTrack(id);
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
  const view = prediction.data;
  return (
    <ResultView
      view={view}
      spectrogramUrl={spectrogram.url}
      spectrogramFailed={spectrogram.isError}
      file={held?.audio}
      card={card.data}
      // A shared analysis is seen by other members too: the owner's actions are for its owner only.
      actions={view.ownedByMe ? <ResultActions view={view} canAnalyseAgain={held !== undefined} /> : undefined}
    />
  );
}
