import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client';
import { isApiError, useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useFormat } from '../i18n/useFormat';
import { Notice } from '../ui';
import { predictionKeys, predictionPath, useSpectrogramUrl } from '../analysis/api';
import { HitGauge } from '../analysis/result/HitGauge';
import { maxAbsContribution } from '../analysis/result/heatScale';
import { SegmentTimeline } from '../analysis/result/SegmentTimeline';
import { isDemonstration, type PredictionView } from '../analysis/types';
import { compareValues, parseIds, type ComparedValue } from './compareMath';
import '../analysis/analysis.css';

/** Most analyses shown side by side; more would not fit a screen, and each costs a picture download. */
export const MAX_COMPARED = 6;

/**
 * /compare?ids=a,b,… — two or more analyses side by side (stacked on phones): the numbers in one table with the
 * differences marked, then each one's spectrogram and heat strip, all strips on one colour scale.
 */
export function ComparePage() {
  const { t } = useTranslation('analysis');
  const problems = useProblemText();
  const [search] = useSearchParams();
  const ids = parseIds(search.get('ids')).slice(0, MAX_COMPARED);
  const titleId = useId();
  useDocumentTitle(t('compare.title'));

  const queries = useQueries({
    queries: ids.map((id) => ({
      queryKey: predictionKeys.one(id),
      queryFn: () => api<PredictionView>(predictionPath(id)),
    })),
  });

  if (ids.length < 2) {
    return (
      <section aria-labelledby={titleId}>
        <h1 id={titleId}>{t('compare.title')}</h1>
        <p>{t('compare.pickFirst')}</p>
        <p>
          <Link to="/analyses">{t('compare.toHistory')}</Link>
        </p>
      </section>
    );
  }

  const loading = queries.some((q) => q.isPending);
  const views = queries.map((q) => q.data).filter((v): v is PredictionView => v !== undefined);
  const failed = queries
    .map((q, index) => ({ q, id: ids[index] ?? '' }))
    .filter(({ q }) => q.isError);
  // One scale for every strip: equal colours mean equal contributions across the versions.
  const sharedMax = maxAbsContribution(...views.map((v) => v.audio.segments));

  return (
    <section className="compare" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('compare.title')}</h1>
      {failed.map(({ q, id }) => (
        <Notice key={id} tone="error">
          {isApiError(q.error) && q.error.status === 404 ? t('compare.notFound', { id }) : problems.message(q.error)}
        </Notice>
      ))}
      {views.some((v) => v.logit) && views.some((v) => !v.logit) && (
        <Notice tone="warning" title={t('compare.mixedCurrencyTitle')}>
          {t('compare.mixedCurrency')}
        </Notice>
      )}
      {views.some(isDemonstration) && (
        <Notice tone="warning" title={t('demo.title')}>
          {t('compare.demo')}
        </Notice>
      )}
      {loading && <p aria-busy="true">{t('compare.loading')}</p>}
      {!loading && views.length >= 2 && (
        <>
          <CompareTable views={views} />
          <p className="compare__scale">{t('compare.scale')}</p>
          <div className="compare__columns" style={{ ['--compare-count' as string]: views.length }}>
            {views.map((view) => (
              <CompareColumn key={view.id} view={view} sharedMax={sharedMax} />
            ))}
          </div>
        </>
      )}
      {!loading && views.length < 2 && failed.length > 0 && (
        <p>
          <Link to="/analyses">{t('compare.toHistory')}</Link>
        </p>
      )}
    </section>
  );
}

function CompareTable({ views }: { views: PredictionView[] }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const rows: { key: string; label: string; values: number[] }[] = [
    { key: 'probability', label: t('compare.rows.probability'), values: views.map((v) => v.hitProbability) },
    { key: 'audio', label: t('compare.rows.audio'), values: views.map((v) => v.audio.score) },
    { key: 'lyrics', label: t('compare.rows.lyrics'), values: views.map((v) => v.lyrics.score) },
  ];
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('compare.tableLabel')}
      style={{ ['--compare-count' as string]: views.length }}
    >
      <table className="compare__table" data-testid="compare-table">
        <caption className="visually-hidden">{t('compare.tableLabel')}</caption>
        <thead>
          <tr>
            <td />
            {views.map((view) => (
              <th key={view.id} scope="col">
                <Link to={`/analyses/${encodeURIComponent(view.id)}`}>{view.title ?? t('untitled')}</Link>
                <br />
                <small>
                  {t(`genre.${view.genre}`)} · {format.date(view.createdAt)}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {compareValues(row.values).map((cell, index) => (
                <Cell key={views[index]?.id ?? index} cell={cell} first={index === 0} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Cell({ cell, first }: { cell: ComparedValue; first: boolean }) {
  const { t } = useTranslation('analysis');
  const format = useFormat();
  const points = Math.round(cell.difference * 100);
  return (
    <td className="num" data-highest={cell.highest || undefined} data-lowest={cell.lowest || undefined}>
      <strong>{format.percent(cell.value)}</strong>
      {!first && points !== 0 && (
        <span className={`delta delta--${points > 0 ? 'up' : 'down'}`}>
          {' '}
          {t('compare.delta', { points: `${points > 0 ? '+' : '−'}${Math.abs(points)}` })}
        </span>
      )}
      {cell.highest && <span className="badge badge--best"> {t('compare.highest')}</span>}
    </td>
  );
}

function CompareColumn({ view, sharedMax }: { view: PredictionView; sharedMax: number }) {
  const { t } = useTranslation('analysis');
  const spectrogram = useSpectrogramUrl(view.id);
  return (
    <article className="compare__column" data-testid="compare-column">
      <h2>
        <Link to={`/analyses/${encodeURIComponent(view.id)}`}>{view.title ?? t('untitled')}</Link>
      </h2>
      <HitGauge probability={view.hitProbability} size="small" />
      <SegmentTimeline audio={view.audio} spectrogramUrl={spectrogram.url} spectrogramFailed={spectrogram.isError} maxAbs={sharedMax} compact />
    </article>
  );
}
