import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../../api/problem';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice } from '../../ui';
import { allItems, useComments, useCreateComment } from '../api';
import { CommentForm } from './CommentForm';
import { CommentItem } from './CommentItem';

/** A post's comments (oldest first, "more" at the foot) and the form for a new one. */
export function CommentsSection({ postId, count }: { postId: string; count: number }) {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const comments = useComments(postId);
  const create = useCreateComment(postId);
  const headingId = useId();
  const items = allItems(comments.data);

  return (
    <section className="comments" aria-labelledby={headingId} data-testid="comments">
      <h2 id={headingId}>{t('comments.title', { count, n: format.number(count) })}</h2>
      {comments.isPending ? (
        <p aria-busy="true">{t('comments.loading')}</p>
      ) : comments.isError ? (
        <Notice tone="error" title={t('comments.loadFailed')}>
          <p>{problems.message(comments.error)}</p>
          <Button variant="secondary" onClick={() => void comments.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : items.length === 0 ? (
        <p data-testid="comments-empty">{t('comments.empty')}</p>
      ) : (
        <ul className="comments__list">
          {items.map((comment) => (
            <li key={comment.id}>
              <CommentItem comment={comment} postId={postId} />
            </li>
          ))}
        </ul>
      )}
      {comments.hasNextPage && (
        <Button variant="secondary" busy={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
          {t('comments.more')}
        </Button>
      )}
      <CommentForm
        label={t('comments.newLabel')}
        submitLabel={t('comments.send')}
        busy={create.isPending}
        error={create.error}
        testId="comment-form"
        onSubmit={(body) => create.mutateAsync({ body })}
      />
    </section>
  );
}
