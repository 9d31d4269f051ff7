import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { useUnreadCount } from '../api';

/** The header's way to the notifications, with the unread count in its name and as a badge. */
export function NotificationsLink() {
  const { t } = useTranslation('community');
  const format = useFormat();
  const unread = useUnreadCount(true);
  const count = unread.data?.count ?? 0;
  // The name is the visible text plus a hidden word ("Notifications 2 unread"), never a label that replaces it:
  // speech-input users say what they see, and axe checks that the visible text is part of the name.
  return (
    <NavLink to="/notifications" className="notifications-link" data-testid="notifications-link">
      {t('notifications.link')}
      {count > 0 && (
        <>
          {' '}
          <span className="unread-count" data-testid="unread-count">
            {format.number(count)}
          </span>{' '}
          <span className="visually-hidden">{t('notifications.unreadSuffix', { count })}</span>
        </>
      )}
    </NavLink>
  );
}
