import { useTranslation } from 'react-i18next';
import { useSystemStatus, type SystemStatus } from './useSystemStatus';

const messages: Record<SystemStatus, string> = {
  checking: 'status.checking',
  up: 'status.up',
  down: 'status.down',
  unreachable: 'status.unreachable',
};

/** One line telling the visitor whether the platform behind the gateway is healthy. */
export function SystemStatusLine() {
  const { t } = useTranslation();
  const status = useSystemStatus();
  return (
    <p className="status" role="status" aria-live="polite" data-status={status}>
      <span className="status__dot" aria-hidden="true" />
      {t('status.label')} <strong>{t(messages[status])}</strong>
    </p>
  );
}
