import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { Highlighted } from '../highlight';
import { plainInline } from '../markdown/parse';
import { memberName } from '../names';
import type { PostSummary } from '../types';

/** One post in a list: category, title (a link), excerpt, author, date and counts; search matches in <mark>. */
export function PostCard({ post }: { post: PostSummary }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const title = post.highlights?.title ?? post.title;
  // Excerpts are cut from the body's source: show its words, not its ** and [](…).
  const excerpt = plainInline(post.highlights?.excerpt ?? post.excerpt);
  return (
    <article className="post-card" data-testid="post-card">
      <p className="post-card__kicker">
        <span className={`category category--${post.category}`}>{t(`category.${post.category}`)}</span>
        {post.hasAnalysis && (
          <span className="badge badge--analysis" data-testid="has-analysis">
            {t('card.hasAnalysis')}
          </span>
        )}
      </p>
      <h2 className="post-card__title">
        <Link to={`/community/posts/${encodeURIComponent(post.id)}`} data-testid="post-link">
          <Highlighted text={title} />
        </Link>
      </h2>
      {excerpt && (
        <p className="post-card__excerpt" data-testid="post-excerpt">
          <Highlighted text={excerpt} />
        </p>
      )}
      <p className="post-card__meta">
        <span>{memberName(post.authorName, post.authorDeleted, t)}</span>
        {' · '}
        <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
        {' · '}
        <span>{t('card.views', { count: post.views, n: format.number(post.views) })}</span>
        {' · '}
        <span data-testid="card-likes">{t('card.likes', { count: post.likes, n: format.number(post.likes) })}</span>
        {' · '}
        <span data-testid="card-comments">{t('card.comments', { count: post.comments, n: format.number(post.comments) })}</span>
      </p>
    </article>
  );
}
