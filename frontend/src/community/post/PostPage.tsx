import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useProblemText } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice } from '../../ui';
import { setPostLiked, useDeletePost, usePost, useRefreshPost } from '../api';
import { Markdown } from '../markdown/Markdown';
import { memberName } from '../names';
import type { Post } from '../types';
import { AnalysisCard } from './AnalysisCard';
import { CommentsSection } from './CommentsSection';
import { LikeToggle } from './LikeToggle';
import { ReportAction } from './ReportAction';
import { PostNotReady } from './PostNotReady';
import '../community.css';

/** /community/posts/:id — a post, the analysis it embeds, its likes and comments. 404 (or removed) is not-found. */
export function PostPage() {
  const { id } = useParams();
  const { t } = useTranslation('community');
  const post = usePost(id);
  useDocumentTitle(post.data?.title ?? t('post.title'));

  if (post.isPending || post.isError) return <PostNotReady post={post} />;
  return <PostView post={post.data} />;
}

function PostView({ post }: { post: Post }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const navigate = useNavigate();
  const location = useLocation();
  const refresh = useRefreshPost(post.id);
  const remove = useDeletePost();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const author = memberName(post.authorName, post.authorDeleted, t);
  const saved = (location.state as { saved?: 'created' | 'changed' } | null)?.saved;

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  return (
    <article className="post" data-testid="post">
      {saved && (
        <p role="status" className="post__saved">
          {t(`editor.saved.${saved}`)}
        </p>
      )}
      <p className="post__back">
        <Link to="/community">{t('post.back')}</Link>
      </p>
      <header className="post__header">
        <p className="post__kicker">
          <span className={`category category--${post.category}`}>{t(`category.${post.category}`)}</span>
        </p>
        <h1 className="post__title" data-testid="post-title">
          {post.title}
        </h1>
        <p className="post__meta">
          <span data-testid="post-author">{author}</span>
          {' · '}
          <time dateTime={post.createdAt}>{format.dateTime(post.createdAt)}</time>
          {post.editedAt && (
            <>
              {' · '}
              <span>
                {t('edited')} <time dateTime={post.editedAt}>{format.dateTime(post.editedAt)}</time>
              </span>
            </>
          )}
          {' · '}
          <span data-testid="post-views">{t('card.views', { count: post.views, n: format.number(post.views) })}</span>
        </p>
      </header>

      <Markdown source={post.body} className="post__body" />

      {post.analysis && <AnalysisCard snapshot={post.analysis} />}

      <div className="post__actions">
        <LikeToggle
          label={(likes) => t('like.post', { count: likes, n: format.number(likes) })}
          likes={post.likes}
          likedByMe={post.likedByMe}
          send={(liked) => setPostLiked(post.id, liked)}
          refresh={refresh}
          testId="post-like"
        />
        {post.mine ? (
          <>
            <Link role="button" className="secondary outline" to={`/community/posts/${encodeURIComponent(post.id)}/edit`} data-testid="edit-post">
              {t('post.edit')}
            </Link>
            <Button variant="danger" aria-expanded={confirming} onClick={() => setConfirming(!confirming)}>
              {t('post.delete')}
            </Button>
          </>
        ) : (
          <ReportAction targetType="POST" targetId={post.id} what={t('post.thisPost')} />
        )}
      </div>
      {confirming && (
        <div className="post__confirm">
          <p>{t('post.confirmDelete', { title: post.title })}</p>
          <div className="buttons">
            <button
              ref={confirmButton}
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(post.id, { onSuccess: () => navigate('/community/mine', { state: { deleted: post.title } }) })}
              data-testid="confirm-delete-post"
            >
              {t('post.deleteForGood')}
            </button>
            <Button variant="plain" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </div>
          {remove.error ? <Notice tone="error">{problems.message(remove.error)}</Notice> : null}
        </div>
      )}

      <CommentsSection postId={post.id} count={post.comments} />
    </article>
  );
}
