import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useProblemText } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Button, Notice } from '../../ui';
import { allItems, usePostList, type PostQuery } from '../api';
import { CATEGORIES, SORTS, isCategory, isSort, type Category } from '../types';
import { PostCard } from './PostCard';
import '../community.css';

/** The list's category, order and search words in the address (?category=QA&sort=likes&q=…), so a link keeps them. */
export function readPostQuery(search: URLSearchParams, mine: boolean): PostQuery {
  const category = search.get('category');
  const sort = search.get('sort');
  const q = (search.get('q') ?? '').trim().slice(0, 200);
  return {
    category: isCategory(category) ? category : undefined,
    sort: isSort(sort) ? sort : 'newest',
    q: q === '' ? undefined : q,
    mine: mine || undefined,
  };
}

function address(query: PostQuery): string {
  const params = new URLSearchParams();
  if (query.category) params.set('category', query.category);
  if (query.sort !== 'newest') params.set('sort', query.sort);
  if (query.q) params.set('q', query.q);
  const text = params.toString();
  return text === '' ? '?' : `?${text}`;
}

/**
 * /community — the board: categories, order, search with the matches marked, "more" at the foot (keyset paging).
 * /community/mine — the same list holding only the member's own posts.
 */
export function CommunityPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation('community');
  const problems = useProblemText();
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const query = readPostQuery(search, mine);
  const list = usePostList(query);
  const [words, setWords] = useState(query.q ?? '');
  const headingId = useId();
  const sortId = useId();
  const heading = mine ? t('list.mineTitle') : t('list.title');
  useDocumentTitle(heading);

  // Back and forward change the address: the field follows it.
  useEffect(() => setWords(query.q ?? ''), [query.q]);

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setSearch(address({ ...query, q: words.trim() === '' ? undefined : words.trim() }));
  }

  const posts = allItems(list.data);
  const moreFailed = list.isFetchNextPageError ? list.error : null;
  const categoryLink = (category: Category | undefined) => address({ ...query, category });

  return (
    <section className="community" aria-labelledby={headingId}>
      <div className="community__top">
        <h1 id={headingId}>{heading}</h1>
        <Link role="button" to="/community/new" data-testid="write-post">
          {t('list.write')}
        </Link>
      </div>
      {deleted !== undefined && (
        <p role="status" className="post__saved" data-testid="post-deleted">
          {t('list.deleted', { title: deleted })}
        </p>
      )}
      <nav aria-label={t('list.views')} className="community__views">
        <ul>
          <li>
            <Link to="/community" aria-current={mine ? undefined : 'page'} className="pill" data-current={!mine}>
              {t('list.all')}
            </Link>
          </li>
          <li>
            <Link to="/community/mine" aria-current={mine ? 'page' : undefined} className="pill" data-current={mine} data-testid="my-posts">
              {t('list.mine')}
            </Link>
          </li>
        </ul>
      </nav>

      {!mine && (
        <form role="search" className="community__search" onSubmit={submitSearch} aria-label={t('search.label')}>
          {/* Named by aria-label, not a hidden <label>: Pico lays out every child of role=search as a rounded
              segment, and a hidden first child took the input's rounded edge and a sliver of its width. */}
          <input
            id={`${headingId}-q`}
            aria-label={t('search.label')}
            type="search"
            name="q"
            value={words}
            maxLength={200}
            placeholder={t('search.placeholder')}
            onChange={(event) => setWords(event.target.value)}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </form>
      )}

      <nav aria-label={t('list.categories')} className="community__categories">
        <ul>
          {[undefined, ...CATEGORIES].map((category) => (
            <li key={category ?? 'all'}>
              <Link
                to={categoryLink(category)}
                aria-current={query.category === category ? 'page' : undefined}
                className="pill"
                data-current={query.category === category}
                data-testid={`category-${category ?? 'ALL'}`}
              >
                {category ? t(`category.${category}`) : t('category.ALL')}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {query.q ? (
        <p className="community__searching" data-testid="search-state">
          {t('search.results', { q: query.q })}{' '}
          <Link to={address({ ...query, q: undefined })}>{t('search.clear')}</Link>
        </p>
      ) : (
        <div className="community__sort">
          <label htmlFor={sortId}>{t('sort.label')}</label>
          <select id={sortId} value={query.sort} onChange={(event) => setSearch(address({ ...query, sort: isSort(event.target.value) ? event.target.value : 'newest' }))} data-testid="sort">
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sort.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      )}

      {list.isPending ? (
        <p aria-busy="true">{t('list.loading')}</p>
      ) : list.isError ? (
        <Notice tone="error" title={t('list.loadFailed')}>
          <p>{problems.message(list.error)}</p>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : posts.length === 0 ? (
        <p data-testid="posts-empty">{query.q ? t('search.none', { q: query.q }) : mine ? t('list.mineEmpty') : t('list.empty')}</p>
      ) : (
        <>
          <ul className="community__posts" aria-label={heading}>
            {posts.map((post) => (
              <li key={post.id}>
                <PostCard post={post} />
              </li>
            ))}
          </ul>
          <p role="status" className="visually-hidden">
            {t('list.shown', { count: posts.length })}
          </p>
          {list.hasNextPage && (
            <div className="community__more">
              <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()} data-testid="more-posts">
                {t('list.more')}
              </Button>
            </div>
          )}
          {moreFailed ? <Notice tone="error">{problems.message(moreFailed)}</Notice> : null}
        </>
      )}
    </section>
  );
}
