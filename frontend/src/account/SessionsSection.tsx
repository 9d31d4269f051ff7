import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { useFormat } from '../i18n/useFormat';
import { Button, Notice } from '../ui';
import { useEndOtherSessions, useEndSession, useSessions, type Device } from './api';

/** Where the member is signed in; any other device can be signed out from here. */
export function SessionsSection() {
  const { t } = useTranslation('account');
  const problems = useProblemText();
  const sessions = useSessions();
  const endOne = useEndSession();
  const endOthers = useEndOtherSessions();
  const format = useFormat();
  const others = sessions.data?.filter((session) => !session.current) ?? [];
  const error = endOne.error ?? endOthers.error;

  return (
    <section className="account-section" aria-labelledby="sessions-title" aria-busy={sessions.isPending || undefined}>
      <h2 id="sessions-title">{t('sessions.title')}</h2>
      <p>{t('sessions.intro')}</p>
      {sessions.isError && <Notice tone="error">{problems.message(sessions.error)}</Notice>}
      {error && <Notice tone="error">{problems.message(error)}</Notice>}
      {sessions.data && (
        <ul className="account-sessions" data-testid="sessions">
          {sessions.data.map((session) => (
            <li key={session.id} className="account-sessions__item" data-testid="session">
              <div>
                <strong>{deviceName(session.device, t)}</strong>
                {session.current && <span className="account-badge"> {t('sessions.current')}</span>}
                <br />
                <small>
                  {t('sessions.times', {
                    created: format.dateTime(session.createdAt),
                    lastUsed: format.dateTime(session.lastUsedAt),
                  })}
                </small>
              </div>
              {!session.current && (
                <Button
                  variant="plain"
                  busy={endOne.isPending && endOne.variables === session.id}
                  onClick={() => endOne.mutate(session.id)}
                  aria-label={t('sessions.endNamed', { device: deviceName(session.device, t) })}
                >
                  {t('sessions.end')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <Button variant="secondary" busy={endOthers.isPending} onClick={() => endOthers.mutate()}>
          {t('sessions.endOthers')}
        </Button>
      )}
    </section>
  );
}

export function deviceName(device: Device, t: TFunction<'account'>): string {
  if (device.browser && device.os) return t('sessions.device', { browser: device.browser, os: device.os });
  return device.browser ?? device.os ?? t('sessions.unknownDevice');
}
