import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { predictionKeys, predictionPath } from '../../analysis/api';
import type { PredictionView } from '../../analysis/types';
import { useFormat } from '../../i18n/useFormat';
import type { AnalysisSnapshot } from '../types';

/**
 * Whether the viewer may open the analysis itself: its owner may while it exists, others while it is shared. The
 * result page's own query answers it (and fills its cache for the click).
 */
function useMayOpen(predictionId: string) {
  const query = useQuery({
    queryKey: predictionKeys.one(predictionId),
    queryFn: () => api<PredictionView>(predictionPath(predictionId)),
    retry: false,
  });
  return { mayOpen: query.isSuccess, checking: query.isPending };
}

function seconds(value: number): string {
  const whole = Math.max(0, Math.round(value));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The analysis a post embeds, as it was when shared: title, genre, hit probability, the audio and lyrics scores, the
 * top segments and the models' notice — a snapshot, which says so, with a link to the result when the viewer may see it.
 */
export function AnalysisCard({ snapshot }: { snapshot: AnalysisSnapshot }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const headingId = useId();
  const { mayOpen, checking } = useMayOpen(snapshot.predictionId);
  const title = snapshot.title ?? t('untitled', { ns: 'analysis' });
  const link = snapshot.link.startsWith('/analyses/') ? snapshot.link : `/analyses/${encodeURIComponent(snapshot.predictionId)}`;

  return (
    <section className="analysis-card" aria-labelledby={headingId} data-testid="analysis-card">
      <p className="analysis-card__kicker">{t('analysis.kicker')}</p>
      <h2 id={headingId} className="analysis-card__title">
        {title}
        {snapshot.artist && <span className="analysis-card__artist"> · {snapshot.artist}</span>}
      </h2>
      <p className="analysis-card__genre">
        {t(`genre.${snapshot.genre}`, { ns: 'analysis' })}
        {snapshot.demonstration && (
          <span className="badge badge--demo" title={t('analysis.demoTitle')}>
            {t('analysis.demo')}
          </span>
        )}
      </p>
      <dl className="analysis-card__figures">
        <div>
          <dt>{t('analysis.probability')}</dt>
          <dd data-testid="snapshot-probability">{format.percent(snapshot.hitProbability)}</dd>
        </div>
        <div>
          <dt>{t('analysis.audio')}</dt>
          <dd>{format.percent(snapshot.audioProbability)}</dd>
        </div>
        <div>
          <dt>{t('analysis.lyrics')}</dt>
          <dd>{format.percent(snapshot.lyricsProbability)}</dd>
        </div>
      </dl>
      {snapshot.topSegments.length > 0 && (
        <>
          <h3 className="analysis-card__subheading">{t('analysis.topSegments')}</h3>
          <ol className="analysis-card__segments">
            {snapshot.topSegments.map((segment, index) => (
              <li key={index}>
                {t('analysis.segment', {
                  from: seconds(segment.fromSeconds),
                  to: seconds(segment.toSeconds),
                  share: format.number(segment.contribution, 2),
                })}
              </li>
            ))}
          </ol>
        </>
      )}
      {snapshot.modelNotice && (
        <p className="analysis-card__notice" data-testid="snapshot-notice">
          <strong>{t('analysis.notice')}</strong> {snapshot.modelNotice}
        </p>
      )}
      <p className="analysis-card__taken" data-testid="snapshot-taken">
        {t('analysis.taken', { date: format.dateTime(snapshot.takenAt) })}
      </p>
      {checking ? null : mayOpen ? (
        <p>
          <Link to={link} data-testid="snapshot-link">
            {t('analysis.open', { title })}
          </Link>
        </p>
      ) : (
        <p className="muted" data-testid="snapshot-closed">
          {t('analysis.closed')}
        </p>
      )}
    </section>
  );
}
