import { useI18n, type MessageKey } from '../i18n/i18n';
import { useSystemStatus, type SystemStatus } from './useSystemStatus';

const messages: Record<SystemStatus, MessageKey> = {
  checking: 'status.checking',
  up: 'status.up',
  down: 'status.down',
  unreachable: 'status.unreachable',
};

/** One line telling the visitor whether the platform behind the gateway is healthy. */
export function SystemStatusLine() {
  const { t } = useI18n();
  const status = useSystemStatus();
  return (
    <p className="status" role="status" aria-live="polite" data-status={status}>
      <span className="status__dot" aria-hidden="true" />
      {t('status.label')} <strong>{t(messages[status])}</strong>
    </p>
  );
}
