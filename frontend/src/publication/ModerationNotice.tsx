import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/useFormat';
import type { Moderation } from '../analysis/types';
import { Notice } from '../ui';

/** What the owner reads when an administrator hid or removed their entry, and why. */
export function ModerationNotice({ moderation }: { moderation: Moderation }) {
  const { t } = useTranslation('publication');
  const format = useFormat();
  return (
    <Notice tone="warning" title={t(`moderation.notice.${moderation.state}`)}>
      <p data-testid="moderation-reason">{t('moderation.reason', { reason: moderation.reason })}</p>
      <p>
        {t(`moderation.consequence.${moderation.state}`)} {t('moderation.when', { date: format.dateTime(moderation.moderatedAt) })}
      </p>
    </Notice>
  );
}
