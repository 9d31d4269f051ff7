import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError, useProblemText } from '../../api/problem';
import { NotFoundPage } from '../../app/NotFoundPage';
import { Button, Notice } from '../../ui';
import type { Post } from '../types';

/**
 * What a page built on one post shows until the post is there: loading, not found (404, or an id that is no
 * UUID: 400), or a failure with a retry. The post page and the editor both wait for a post this way.
 */
export function PostNotReady({ post }: { post: UseQueryResult<Post> }) {
  const { t } = useTranslation('community');
  const problems = useProblemText();
  if (post.isPending) {
    return (
      <p role="status" aria-busy="true">
        {t('post.loading')}
      </p>
    );
  }
  if (isApiError(post.error) && (post.error.status === 404 || post.error.status === 400)) return <NotFoundPage />;
  return (
    <Notice tone="error" title={t('post.loadFailed')}>
      <p>{problems.message(post.error)}</p>
      <Button variant="secondary" onClick={() => void post.refetch()}>
        {t('retry')}
      </Button>
    </Notice>
  );
}
