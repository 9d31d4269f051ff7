import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError, useProblemText } from '../../api/problem';
import type { usePrediction } from '../../analysis/api';
import { useFormat } from '../../i18n/useFormat';
import { Notice } from '../../ui';

interface SharedAnalysisProps {
  /** The editor's query of the analysis (it also decides whether the post may be sent). */
  prediction: ReturnType<typeof usePrediction>;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  confirmError?: string;
}

/**
 * The analysis a new post will embed: what it is, and the author's confirmation that signed-in members will see its
 * figures (never its audio). Only the member's own analysis can be shared.
 */
export function SharedAnalysis({ prediction, confirmed, onConfirm, confirmError }: SharedAnalysisProps) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const headingId = useId();
  const confirmId = useId();
  const view = prediction.data;
  const own = view?.ownedByMe === true;

  return (
    <section className="shared-analysis" aria-labelledby={headingId} data-testid="shared-analysis">
      <h2 id={headingId}>{t('share.heading')}</h2>
      {prediction.isPending ? (
        <p aria-busy="true">{t('share.loading')}</p>
      ) : prediction.isError ? (
        <Notice tone="error">
          {isApiError(prediction.error) && prediction.error.status === 404 ? t('share.notFound') : problems.message(prediction.error)}
        </Notice>
      ) : view && !own ? (
        <Notice tone="error">{t('share.notOwn')}</Notice>
      ) : view ? (
        <>
          <p data-testid="shared-analysis-summary">
            <strong>{view.title ?? t('untitled', { ns: 'analysis' })}</strong>
            {view.artist && ` · ${view.artist}`} · {t(`genre.${view.genre}`, { ns: 'analysis' })} ·{' '}
            {t('share.probability', { probability: format.percent(view.hitProbability) })}
          </p>
          <p className="muted">{t('share.what')}</p>
          <div className="field">
            <label htmlFor={confirmId} className="checkbox-label">
              <input
                id={confirmId}
                type="checkbox"
                name="confirmShareFigures"
                checked={confirmed}
                aria-invalid={confirmError ? true : undefined}
                aria-describedby={confirmError ? `${confirmId}-error` : undefined}
                onChange={(event) => onConfirm(event.target.checked)}
              />{' '}
              {t('share.confirm')}
            </label>
            {confirmError && (
              <small id={`${confirmId}-error`} className="field-error">
                {confirmError}
              </small>
            )}
          </div>
        </>
      ) : null}
      <p>
        <Link to="/community/new" replace data-testid="drop-analysis">
          {t('share.drop')}
        </Link>
      </p>
    </section>
  );
}
