import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProblemText } from '../../api/problem';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useFormat } from '../../i18n/useFormat';
import { Button, Notice } from '../../ui';
import { allItems, useMarkRead, useNotifications } from '../api';
import { memberName } from '../names';
import type { AppNotification } from '../types';
import '../community.css';

/** Where a notification leads: the post (at the comment), or the shared analysis. */
function target(notification: AppNotification): string | undefined {
  if (notification.postId) {
    const post = `/community/posts/${encodeURIComponent(notification.postId)}`;
    return notification.commentId ? `${post}#comment-${encodeURIComponent(notification.commentId)}` : post;
  }
  if (notification.predictionId) return `/analyses/${encodeURIComponent(notification.predictionId)}`;
  return undefined;
}

/** /notifications — who commented on, replied to or liked the member's posts and analyses; newest first, marked read. */
export function NotificationsPage() {
  const { t } = useTranslation('community');
  const format = useFormat();
  const problems = useProblemText();
  const list = useNotifications();
  const markRead = useMarkRead();
  const headingId = useId();
  useDocumentTitle(t('notifications.title'));
  const items = allItems(list.data);
  const unread = items.some((item) => !item.read);

  return (
    <section className="notifications" aria-labelledby={headingId}>
      <div className="community__top">
        <h1 id={headingId}>{t('notifications.title')}</h1>
        <Button variant="secondary" disabled={!unread} busy={markRead.isPending && markRead.variables === undefined} onClick={() => markRead.mutate(undefined)} data-testid="mark-all-read">
          {t('notifications.markAll')}
        </Button>
      </div>
      {markRead.error ? <Notice tone="error">{problems.message(markRead.error)}</Notice> : null}
      {list.isPending ? (
        <p aria-busy="true">{t('notifications.loading')}</p>
      ) : list.isError ? (
        <Notice tone="error" title={t('notifications.loadFailed')}>
          <p>{problems.message(list.error)}</p>
          <Button variant="secondary" onClick={() => void list.refetch()}>
            {t('retry')}
          </Button>
        </Notice>
      ) : items.length === 0 ? (
        <p data-testid="notifications-empty">{t('notifications.empty')}</p>
      ) : (
        <ul className="notifications__list">
          {items.map((item) => {
            const to = target(item);
            const text = t(`notifications.kind.${item.kind}`, { name: memberName(item.actorName, false, t) });
            return (
              <li key={item.id} className="notification" data-read={item.read} data-testid="notification">
                {!item.read && <span className="badge badge--new">{t('notifications.new')}</span>}{' '}
                {to ? (
                  <Link to={to} onClick={() => !item.read && markRead.mutate([item.id])}>
                    {text}
                  </Link>
                ) : (
                  <span>{text}</span>
                )}{' '}
                <time dateTime={item.createdAt} className="muted">
                  {format.dateTime(item.createdAt)}
                </time>
                {!item.read && (
                  <Button variant="plain" className="notification__read" onClick={() => markRead.mutate([item.id])} aria-label={t('notifications.markOneLabel', { text })}>
                    {t('notifications.markOne')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage && (
        <Button variant="secondary" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('notifications.more')}
        </Button>
      )}
    </section>
  );
}
