import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../api/problem';
import { Button } from '../ui';
import { resendVerification } from './mail';
import { useSession } from './session';

/**
 * Across the top of every page while the signed-in member's address is unverified: what it keeps them from, and a
 * button that mails the link again. Gone once verified (the session reloads after the link is opened).
 */
export function UnverifiedBanner() {
  const { t } = useTranslation('email');
  const { status, member } = useSession();
  const problems = useProblemText();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');
  const [error, setError] = useState<unknown>();

  if (status !== 'signedIn' || !member || member.emailVerified !== false) return null;

  async function resend() {
    setState('sending');
    try {
      await resendVerification();
      setState('sent');
    } catch (caught) {
      setError(caught);
      setState('failed');
    }
  }

  return (
    <aside className="unverified-banner" aria-labelledby="unverified-banner-title" data-testid="unverified-banner">
      <div className="container">
        <p id="unverified-banner-title">
          <strong>{t('banner.title')}</strong> {t('banner.body', { email: member.email })}
        </p>
        <p role="status">
          {state === 'sent' && t('banner.sent', { email: member.email })}
          {state === 'failed' && problems.message(error)}
        </p>
        {state !== 'sent' && (
          <Button variant="secondary" busy={state === 'sending'} onClick={resend}>
            {t('banner.resend')}
          </Button>
        )}
      </div>
    </aside>
  );
}
