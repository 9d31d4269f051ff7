import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice } from '../../ui';
import { setCommentLiked, useChangeComment, useCreateComment, useDeleteComment, useRefreshComments } from '../api';
import { Markdown } from '../markdown/Markdown';
import { memberName } from '../names';
import type { Comment } from '../types';
import { CommentForm } from './CommentForm';
import { LikeToggle } from './LikeToggle';
import { ReportAction } from './ReportAction';

type Open = 'none' | 'reply' | 'edit' | 'delete';

/**
 * One comment with what its reader may do: like, reply (top comments only: replies go one level deep), report — and,
 * for its author, edit and delete. A deleted comment that still has replies stays as a "deleted" line above them.
 */
export function CommentItem({ comment, postId }: { comment: Comment; postId: string }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const reply = useCreateComment(postId);
  const change = useChangeComment(postId);
  const remove = useDeleteComment(postId);
  const refresh = useRefreshComments(postId);
  const [open, setOpen] = useState<Open>('none');
  const confirmButton = useRef<HTMLButtonElement>(null);
  const author = memberName(comment.authorName, comment.authorDeleted, t);

  useEffect(() => {
    if (open === 'delete') confirmButton.current?.focus();
  }, [open]);

  return (
    <article className="comment" id={`comment-${comment.id}`} data-testid="comment" aria-label={t('comments.by', { name: author })}>
      {comment.deleted ? (
        <p className="comment__deleted muted" data-testid="comment-deleted">
          {t('comments.deleted')}
        </p>
      ) : (
        <>
          <p className="comment__meta">
            <strong>{author}</strong>
            {' · '}
            <time dateTime={comment.createdAt}>{format.dateTime(comment.createdAt)}</time>
            {comment.editedAt && <span> · {t('edited')}</span>}
          </p>
          {open === 'edit' ? (
            <CommentForm
              label={t('comments.editLabel')}
              submitLabel={t('comments.save')}
              initial={comment.body}
              busy={change.isPending}
              error={change.error}
              autoFocus
              onSubmit={(body) => change.mutateAsync({ id: comment.id, body }).then(() => setOpen('none'))}
              onCancel={() => setOpen('none')}
            />
          ) : (
            <Markdown source={comment.body} className="comment__body" />
          )}
          <div className="comment__actions">
            <LikeToggle
              label={(likes) => t('like.comment', { count: likes, n: format.number(likes), name: author })}
              likes={comment.likes}
              likedByMe={comment.likedByMe}
              send={(liked) => setCommentLiked(comment.id, liked)}
              refresh={refresh}
              testId="comment-like"
            />
            {comment.parentId === null && (
              <button
                type="button"
                className="outline secondary"
                aria-expanded={open === 'reply'}
                onClick={() => setOpen(open === 'reply' ? 'none' : 'reply')}
                data-testid="reply-open"
              >
                {t('comments.reply')}
              </button>
            )}
            {comment.mine && (
              <>
                <button type="button" className="outline secondary" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? 'none' : 'edit')}>
                  {t('comments.edit')}
                </button>
                <button type="button" className="outline secondary" aria-expanded={open === 'delete'} onClick={() => setOpen(open === 'delete' ? 'none' : 'delete')}>
                  {t('comments.delete')}
                </button>
              </>
            )}
            {!comment.mine && <ReportAction targetType="COMMENT" targetId={comment.id} what={t('comments.by', { name: author })} />}
          </div>
          {open === 'delete' && (
            <div className="comment__confirm">
              <p>{t('comments.confirmDelete')}</p>
              <div className="buttons">
                <button
                  ref={confirmButton}
                  type="button"
                  className="danger"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(comment.id, { onSuccess: () => setOpen('none') })}
                >
                  {t('comments.deleteForGood')}
                </button>
                <Button variant="plain" onClick={() => setOpen('none')}>
                  {t('cancel')}
                </Button>
              </div>
              {remove.error ? <Notice tone="error">{problems.message(remove.error)}</Notice> : null}
            </div>
          )}
        </>
      )}
      {open === 'reply' && (
        <CommentForm
          label={t('comments.replyLabel', { name: author })}
          submitLabel={t('comments.sendReply')}
          busy={reply.isPending}
          error={reply.error}
          autoFocus
          testId="reply-form"
          onSubmit={(body) => reply.mutateAsync({ body, parentId: comment.id }).then(() => setOpen('none'))}
          onCancel={() => setOpen('none')}
        />
      )}
      {comment.replies && comment.replies.length > 0 && (
        <ul className="comment__replies" aria-label={t('comments.replies', { name: author })}>
          {comment.replies.map((each) => (
            <li key={each.id}>
              <CommentItem comment={each} postId={postId} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
