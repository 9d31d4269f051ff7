import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/useFormat';
import type { PredictionPage } from '../analysis/types';
import { ModerationControls } from '../publication/ModerationControls';
import { LikeButton } from './LikeButton';

/**
 * One page of the leaderboard: rank, title and artist (a link to the result), hit probability, likes, what can be
 * heard or read, the demonstration flag — and, for the owner or an administrator, why an entry is hidden or removed.
 * An administrator (`moderates`) hides, removes or restores an entry from its row as on its result page.
 */
export function LeaderboardTable({ page, caption, moderates }: { page: PredictionPage; caption: string; moderates?: boolean }) {
  const { t } = useTranslation('leaderboard');
  const format = useFormat();
  const regionId = useId();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={regionId}>
      <table className="leaderboard__table" data-testid="leaderboard-table" role="table">
        <caption id={regionId} className="visually-hidden">
          {caption}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">{t('columns.rank')}</th>
            <th scope="col" role="columnheader">{t('columns.track')}</th>
            <th scope="col" role="columnheader">{t('columns.probability')}</th>
            <th scope="col" role="columnheader">{t('columns.likes')}</th>
            <th scope="col" role="columnheader">{t('columns.published')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {page.items.map((row) => {
            const name = row.title ?? t('untitled', { ns: 'analysis' });
            const moderation = row.moderation ?? null;
            return (
              <tr key={row.id} role="row" data-testid="leaderboard-row" data-moderation={moderation?.state}>
                <td role="cell" className="num leaderboard__rank">{row.rank ?? '–'}</td>
                <td role="cell" className="leaderboard__track">
                  <Link to={`/analyses/${encodeURIComponent(row.id)}`} data-testid="leaderboard-link">
                    {name}
                  </Link>
                  {row.artist && <span className="leaderboard__artist"> · {row.artist}</span>}
                  {row.demonstration && (
                    <span className="badge badge--demo" title={t('demoTitle')}>
                      {t('demo')}
                    </span>
                  )}
                  {moderation && (
                    <p className="leaderboard__moderation" data-testid="row-moderation">
                      <strong>{t(`moderation.${moderation.state}`)}</strong> {t('moderation.reason', { reason: moderation.reason })}
                    </p>
                  )}
                  {moderates && (
                    <details className="leaderboard__moderate" data-testid="row-moderate">
                      <summary>
                        {t('moderate')}
                        <span className="visually-hidden"> {name}</span>
                      </summary>
                      <ModerationControls id={row.id} moderation={moderation} compact />
                    </details>
                  )}
                </td>
                <td role="cell" className="num">{format.percent(row.hitProbability)}</td>
                <td role="cell">
                  <LikeButton id={row.id} title={name} likes={row.likes} likedByMe={row.likedByMe} />
                </td>
                <td role="cell">
                  {row.publication?.audio && (
                    <span className="badge badge--listen" data-testid="badge-listen">
                      {t('listen')}
                    </span>
                  )}{' '}
                  {row.publication?.lyrics && (
                    <span className="badge badge--lyrics" data-testid="badge-lyrics">
                      {t('lyrics')}
                    </span>
                  )}
                  {!row.publication?.audio && !row.publication?.lyrics && <span className="leaderboard__none">{t('notPublished')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
