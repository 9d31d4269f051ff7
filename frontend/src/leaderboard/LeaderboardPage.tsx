import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProblemText } from '../api/problem';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useSession } from '../auth/session';
import { GENRES, type Genre } from '../analysis/types';
import { Button, Notice } from '../ui';
import { useLeaderboard } from './api';
import { LeaderboardTable } from './LeaderboardTable';
import '../analysis/analysis.css';
import './leaderboard.css';

/** The genre and page in the address (?genre=BALLAD&page=2), so a reload or a shared link keeps them. */
export function readLeaderboardParams(search: URLSearchParams): { genre: Genre; page: number } {
  const asked = (search.get('genre') ?? '').toUpperCase();
  const genre = (GENRES as readonly string[]).includes(asked) ? (asked as Genre) : 'POP';
  const page = Number(search.get('page') ?? '0');
  return { genre, page: Number.isInteger(page) && page >= 0 ? page : 0 };
}

function address(genre: Genre, page = 0): string {
  return page > 0 ? `?genre=${genre}&page=${page}` : `?genre=${genre}`;
}

/** /leaderboard — a genre's shared analyses, highest hit probability first: listen, read, like, open. */
export function LeaderboardPage() {
  const { t } = useTranslation('leaderboard');
  const problems = useProblemText();
  const [search, setSearch] = useSearchParams();
  const { genre, page } = readLeaderboardParams(search);
  const board = useLeaderboard(genre, page);
  const { member } = useSession();
  const titleId = useId();
  const genreName = t(`genre.${genre}`, { ns: 'analysis' });
  useDocumentTitle(t('title', { genre: genreName }));

  const data = board.data;
  return (
    <section className="leaderboard" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('title', { genre: genreName })}</h1>
      <p>{t('intro')}</p>
      <nav aria-label={t('genres')} className="leaderboard__genres">
        <ul>
          {GENRES.map((each) => (
            <li key={each}>
              <Link
                to={address(each)}
                aria-current={each === genre ? 'page' : undefined}
                className={each === genre ? 'leaderboard__genre leaderboard__genre--current' : 'leaderboard__genre'}
                data-testid={`genre-${each}`}
              >
                {t(`genre.${each}`, { ns: 'analysis' })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {board.isPending ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : board.isError ? (
        <Notice tone="error" title={t('loadFailed')}>
          <p>{problems.message(board.error)}</p>
          <Button variant="secondary" onClick={() => void board.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : data && data.totalItems === 0 ? (
        <p data-testid="leaderboard-empty">{t('empty', { genre: genreName })}</p>
      ) : data ? (
        <>
          <LeaderboardTable page={data} moderates={member?.roles.includes('ADMIN') ?? false} caption={t('caption', { genre: genreName, page: data.page + 1, pages: Math.max(1, data.totalPages), total: data.totalItems })} />
          <nav className="pager" aria-label={t('pager')}>
            <Button variant="plain" disabled={data.page <= 0} onClick={() => setSearch(address(genre, data.page - 1))}>
              {t('previous')}
            </Button>
            <span>{t('pageOf', { page: data.page + 1, pages: Math.max(1, data.totalPages) })}</span>
            <Button variant="plain" disabled={data.page + 1 >= data.totalPages} onClick={() => setSearch(address(genre, data.page + 1))}>
              {t('next')}
            </Button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
