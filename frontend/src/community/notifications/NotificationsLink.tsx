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
  return (
    <NavLink to="/notifications" className="notifications-link" aria-label={t('notifications.linkLabel', { count })} data-testid="notifications-link">
      {t('notifications.link')}
      {count > 0 && (
        <span className="unread-count" aria-hidden="true" data-testid="unread-count">
          {format.number(count)}
        </span>
      )}
    </NavLink>
  );
}
